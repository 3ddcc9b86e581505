import { Sequelize, type Transaction } from 'sequelize';
import { Role, User } from '../../models/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { checkPasswordPolicy } from './password-policy.js';
import { unlockAccount } from './login-throttle.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * Creates the administrator named by ADMIN_EMAIL / ADMIN_PASSWORD unless a user with that e-mail
 * exists; an existing account is left as it is, so a restart never resets a changed password. A
 * password the policy refuses stops the start with the reason.
 */
export async function ensureAdministrator(email: string, password: string): Promise<'created' | 'exists'> {
  const existing = await findUserByEmail(email);
  if (existing) return 'exists';
  try {
    checkPasswordPolicy(password, email, 'password');
  } catch (error) {
    if (error instanceof BusinessRuleError) {
      throw new Error(`ADMIN_PASSWORD is refused by the password policy (${error.code}): at least 10 characters, not a common password, not the e-mail`, { cause: error });
    }
    throw error;
  }
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

/**
 * Deactivating ends every session of the user at once (the users trigger of migration 0011 deletes
 * them in this transaction), and is written to the audit log in the same transaction.
 */
export async function setUserActive(actor: Actor, userId: number, active: boolean): Promise<User> {
  return User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(userId, { transaction, lock: true });
    if (!user) throw new BusinessRuleError('userNotFound');
    if (!active && actor.id === user.id) throw new BusinessRuleError('cannotDeactivateYourself');
    const before = user.toJSON();
    await user.update({ active }, { transaction });
    await recordAudit(actor, { action: active ? 'activate' : 'deactivate', resource: 'users', recordId: user.id, before, after: user.toJSON() }, transaction);
    return user;
  });
}

/**
 * A user changes their own password, proving they know the current one. Every other session of
 * theirs ends in the same transaction (the users trigger); `currentSessionId` is the one that stays.
 */
export async function changeOwnPassword(actor: Actor, input: { current: string; next: string; confirmation: string; currentSessionId: string }): Promise<void> {
  if (input.next !== input.confirmation) throw new BusinessRuleError('passwordsDiffer', {}, 'confirmation');
  await User.sequelize!.transaction(async (transaction) => {
    const user = await User.findByPk(actor.id ?? 0, { transaction, lock: true });
    if (!user || !(await verifyPassword(input.current, user.password_hash))) throw new BusinessRuleError('currentPasswordWrong', {}, 'currentPassword');
    checkPasswordPolicy(input.next, user.email, 'newPassword');
    await keepSession(input.currentSessionId, transaction);
    await user.update({ password_hash: await hashPassword(input.next), password_changed_at: new Date() }, { transaction });
    await recordAudit(actor, { action: 'changeOwnPassword', resource: 'users', recordId: user.id, details: { changed: 'password' } }, transaction);
  });
}

/** Lifts the temporary lock that failed logins put on a user's account. */
export async function unlockLogin(actor: Actor, userId: number): Promise<boolean> {
  const user = await User.findByPk(userId);
  if (!user) throw new BusinessRuleError('userNotFound');
  const wasLocked = await unlockAccount(user.email);
  await User.sequelize!.transaction((transaction) =>
    recordAudit(actor, { action: 'unlockLogin', resource: 'users', recordId: user.id, details: { wasLocked } }, transaction),
  );
  return wasLocked;
}

/** Names the session the users trigger spares when this transaction changes the password. */
export async function keepSession(sessionId: string, transaction: Transaction): Promise<void> {
  await User.sequelize!.query(`SELECT set_config('petrocrm.current_session', $1, true)`, { bind: [sessionId], transaction });
}
