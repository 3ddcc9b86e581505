import type { Sequelize } from 'sequelize';

/** The shape umzug calls; migrations use SQL through the query interface, never the app's models. */
export type MigrationFn = (params: { context: Sequelize }) => Promise<void>;

export interface Migration {
  name: string;
  up: MigrationFn;
  down?: MigrationFn;
}
