import type { MigrationFn } from './migration.js';

/**
 * The permission matrix: for each role and resource, the actions it may run, the rows it may reach
 * (its own, its team's, its branch's, or all) and the fields it may not see. Administrators edit it
 * in the panel; the server reads it on every request.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE role_permissions (
      id             serial PRIMARY KEY,
      role_id        integer NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
      resource       varchar(60) NOT NULL,
      actions        text[] NOT NULL DEFAULT '{}',
      scope          varchar(10) NOT NULL DEFAULT 'all' CHECK (scope IN ('own', 'team', 'branch', 'all')),
      hidden_fields  text[] NOT NULL DEFAULT '{}',
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now(),
      UNIQUE (role_id, resource)
    );
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP TABLE role_permissions');
};
