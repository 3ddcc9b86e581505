import { Role } from '../models/index.js';
import { UNUSABLE_HASH, verifyPassword } from './passwords.js';
import { findUserByEmail } from './staff-accounts.js';
import type { StaffSession } from './current-admin.js';

/**
 * Checks an e-mail and password. Returns null for an unknown e-mail, a wrong password and a
 * deactivated user alike, so the login page cannot tell which one was wrong.
 */
export async function authenticate(email: string | undefined, password: string | undefined): Promise<StaffSession | null> {
  if (!email || !password) return null;
  const user = await findUserByEmail(email);
  const matches = await verifyPassword(password, user?.password_hash ?? UNUSABLE_HASH);
  if (!user || !matches || !user.active) return null;

  await user.update({ last_login_at: new Date() }, { hooks: false });
  const role = await Role.findByPk(user.role_id, { rejectOnEmpty: true });
  return { id: String(user.id), email: user.email, title: user.name, roleCode: role.code, locale: user.locale };
}
