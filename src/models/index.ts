import type { Sequelize } from 'sequelize';
import { Branch } from './branch.model.js';
import { Role } from './role.model.js';
import { Team } from './team.model.js';
import { User } from './user.model.js';

export { Branch, Role, Team, User };

/** Every model, in the order AdminJS and the seed walk them. */
export const models = [Branch, Role, Team, User] as const;

/** Binds the models to one Sequelize instance. Models are classes, so one process has one database. */
export function initModels(sequelize: Sequelize): void {
  for (const model of models) model.initModel(sequelize);
  // A second init (an app restarted inside one process, as the tests do) must not redefine aliases.
  for (const model of models) (model as { associations: object }).associations = {};
  for (const model of models) if ('associate' in model) model.associate();
}
