import { Role, type User } from '../../models/index.js';
import { hashPassword, needsRehash, unusableHash, verifyPassword } from './passwords.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';
import { findUserByEmail } from './staff-accounts.js';
import { forgetAccountFailures, loginBlockFor, recordLoginFailure, type LoginLimits } from './login-throttle.js';
import type { StaffSession } from './staff-session.js';

/** A login's answer: the employee, or a message key the login page translates, never an internal text. */
export type LoginOutcome = { ok: true; staff: StaffSession } | { ok: false; refusal: 'invalidCredentials' | 'tooManyRequests' | 'accountLocked' };

const MAX_EMAIL_LENGTH = 200;

/**
 * Checks an e-mail and password posted by anyone. A malformed body, an unknown e-mail, a wrong
 * password and a deactivated user all get the same answer, after the same work, so the page tells
 * nothing about which was wrong. An address or account with too many recent failures is refused
 * before its password is looked at. A hash in an older scheme is upgraded while the password is known.
 */
export async function logIn(body: unknown, address: string, limits: LoginLimits): Promise<LoginOutcome> {
  const { email, password } = (body ?? {}) as Record<string, unknown>;
  if (typeof email !== 'string' || typeof password !== 'string' || email.length > MAX_EMAIL_LENGTH || password.length > MAX_PASSWORD_LENGTH * 4) {
    return { ok: false, refusal: 'invalidCredentials' };
  }
  const block = await loginBlockFor(email, address);
  if (block) return { ok: false, refusal: block === 'address' ? 'tooManyRequests' : 'accountLocked' };

  const user = email.trim() === '' ? null : await findUserByEmail(email);
  const matches = await verifyPassword(password, user?.password_hash ?? (await unusableHash()));
  if (!user || !matches || !user.active) {
    await recordLoginFailure(email, address, limits);
    return { ok: false, refusal: 'invalidCredentials' };
  }

  await forgetAccountFailures(email);
  await recordSuccessfulLogin(user, password);
  const role = await Role.findByPk(user.role_id, { rejectOnEmpty: true });
  return { ok: true, staff: { id: String(user.id), email: user.email, title: user.name, roleCode: role.code, locale: user.locale } };
}

/** The last login, and the hash rewritten in today's scheme when it is older: the same password, not a new one. */
async function recordSuccessfulLogin(user: User, password: string): Promise<void> {
  if (!needsRehash(user.password_hash)) {
    await user.update({ last_login_at: new Date() }, { hooks: false });
    return;
  }
  const rehashed = await hashPassword(password);
  await user.sequelize.transaction(async (transaction) => {
    // Tells the users trigger this is no password change, so the user's other sessions stay.
    await user.sequelize.query(`SELECT set_config('petrocrm.password_rehash', 'on', true)`, { transaction });
    await user.update({ last_login_at: new Date(), password_hash: rehashed }, { hooks: false, transaction });
  });
}
