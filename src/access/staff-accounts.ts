import { Sequelize, type Transaction } from 'sequelize';
import { Role, User } from '../models/index.js';
import { hashPassword } from './passwords.js';

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
