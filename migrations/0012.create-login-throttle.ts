import type { MigrationFn } from './migration.js';

/**
 * Failed logins counted per account (the e-mail typed, known or not) and per client address, in
 * PostgreSQL so every app instance counts together and a restart forgets nothing. A key with too
 * many failures in its window is locked until `locked_until`; an administrator can unlock an account.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE login_throttle (
      key                text PRIMARY KEY,
      failures           integer NOT NULL CHECK (failures > 0),
      window_started_at  timestamptz NOT NULL,
      locked_until       timestamptz
    );
    CREATE INDEX login_throttle_window_started_at_idx ON login_throttle (window_started_at);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query('DROP TABLE login_throttle');
};
