import { Sequelize, type Transaction } from 'sequelize';
import { Role, User } from '../models/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { recordAudit, type Actor } from '../audit/audit-log.js';
import { BusinessRuleError } from '../errors/business-rule-error.js';

/**
 * Creates the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD unless a user with that e-mail
 * exists; an existing account is left as it is, so a restart never resets a changed password.
 */
export async function ensureAdministrator(email: string, password: string): Promise<'created' | 'exists'> {
  const existing = await findUserByEmail(email);
  if (existing) return 'exists';
  const role = await Role.findOne({ where: { code: 'administrator' }, rejectOnEmpty: true });
  await User.create({ email, name: 'Administrator', password_hash: await hashPassword(password), role_id: role.id, team_id: null, branch_id: null, phone: null, title: '系统管理员', last_login_at: null });
  return 'created';
}

export function findUserByEmail(email: string, transaction?: Transaction): Promise<User | null> {
  return User.findOne({
    where: Sequelize.where(Sequelize.fn('lower', Sequelize.col('email')), email.trim().toLowerCase()),
    transaction,
  });
}

export const MIN_PASSWORD_LENGTH = 8;

/**
 * Deactivating ends every session of the user at once (their next request is refused anyway, since
 * each request re-reads `active`), and is written to the audit log in the same transaction.
 */
export async function setUserActive(actor: Actor, userId: number, active: boolean): Promise<User> {
  return User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, lock: true });
    if (!user) throw new BusinessRuleError('userNotFound');
    if (!active && actor.id === user.id) throw new BusinessRuleError('cannotDeactivateYourself');
    const before = user.toJSON();
    await user.update({ active }, { transaction });
    if (!active) await endSessionsOf(user.id, transaction);
    await recordAudit(actor, { action: active ? 'activate' : 'deactivate', resource: 'users', recordId: user.id, before, after: user.toJSON() }, transaction);
    return user;
  });
}

/** A user changes their own password, proving they know the current one. */
export async function changeOwnPassword(actor: Actor, current: string, next: string, confirmation: string): Promise<void> {
  if (next.length < MIN_PASSWORD_LENGTH) throw new BusinessRuleError('passwordTooShort', {}, 'newPassword');
  if (next !== confirmation) throw new BusinessRuleError('passwordsDiffer', {}, 'confirmation');
  await User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(actor.id ?? 0, { transaction, lock: true });
    if (!user || !(await verifyPassword(current, user.password_hash))) throw new BusinessRuleError('currentPasswordWrong', {}, 'currentPassword');
    await user.update({ password_hash: await hashPassword(next), password_changed_at: new Date() }, { transaction });
    await recordAudit(actor, { action: 'changeOwnPassword', resource: 'users', recordId: user.id, details: { changed: 'password' } }, transaction);
  });
}

async function endSessionsOf(userId: number, transaction: Transaction): Promise<void> {
  await User.sequelize!.query(`DELETE FROM sessions WHERE sess->'adminUser'->>'id' = $1`, { bind: [String(userId)], transaction });
}
