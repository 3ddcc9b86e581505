import { hash, parseOptions, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

/**
 * argon2id with OWASP's parameters (19 MiB, 2 passes, 1 lane): about 30 ms, computed in libuv's
 * thread pool, so a login never holds up the requests the event loop is serving meanwhile.
 */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const ARGON2ID_PREFIX = '$argon2id$';
const BCRYPT = /^\$2[abxy]\$\d\d\$/;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, ARGON2);
}

/**
 * Checks a password against an argon2id hash, or against a bcrypt hash written before argon2id (by
 * bcryptjs, in JavaScript: slow, so `needsRehash` upgrades it at the next successful login).
 */
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  if (stored.startsWith(ARGON2ID_PREFIX)) return verify(stored, plain);
  if (BCRYPT.test(stored)) return bcrypt.compare(plain, stored);
  return false;
}

/** A hash in an older scheme or with weaker parameters than today's: rewrite it while the password is known. */
export function needsRehash(stored: string): boolean {
  if (!stored.startsWith(ARGON2ID_PREFIX)) return true;
  const { memoryCost, timeCost, parallelism } = parseOptions(stored);
  return memoryCost !== ARGON2.memoryCost || timeCost !== ARGON2.timeCost || parallelism !== ARGON2.parallelism;
}

let unusable: Promise<string> | undefined;

/** Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
export function unusableHash(): Promise<string> {
  unusable ??= hashPassword('no user has this password');
  return unusable;
}
