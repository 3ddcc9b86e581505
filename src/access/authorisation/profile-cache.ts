import { loadAccessProfile, type AccessProfile } from './access-profile.js';

interface Cached {
  version: string;
  profile: AccessProfile | null;
}

/** About one entry per employee working today; the oldest go first when more log in. */
const MAX_ENTRIES = 2000;
const cache = new Map<number, Cached>();

/**
 * The employee's access profile as of `version`, the access version PostgreSQL returned with the
 * session (migration 0010 bumps it on every change to the matrix, roles, branches or users). A
 * profile cached under another version is read again, so a change made through any app instance
 * applies to the very next request here; null means the user is gone or deactivated. Without a
 * version (a session read some other way) nothing is cached.
 */
export async function accessProfileAt(userId: number, version: string | undefined): Promise<AccessProfile | null> {
  if (version === undefined) return loadAccessProfile(userId);
  const cached = cache.get(userId);
  if (cached?.version === version) return cached.profile;
  const profile = await loadAccessProfile(userId);
  cache.delete(userId);
  cache.set(userId, { version, profile });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return profile;
}
