import type { MigrationFn } from './migration.js';

/** Branches, teams, roles and users: who works where, and who may log in. Plus the session store. */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE branches (
      id          serial PRIMARY KEY,
      code        varchar(20)  NOT NULL UNIQUE,
      name        varchar(100) NOT NULL,
      kind        varchar(20)  NOT NULL CHECK (kind IN ('headquarters', 'branch', 'office', 'gas_station')),
      parent_id   integer REFERENCES branches(id) ON DELETE RESTRICT,
      region      varchar(50),
      address     text,
      phone       varchar(30),
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS NULL OR parent_id <> id)
    );
    CREATE INDEX branches_parent_id_idx ON branches (parent_id);

    CREATE TABLE roles (
      id          serial PRIMARY KEY,
      code        varchar(40) NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z_]*$'),
      name        varchar(60) NOT NULL,
      description text,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE teams (
      id          serial PRIMARY KEY,
      name        varchar(100) NOT NULL,
      branch_id   integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      leader_id   integer,
      created_at  timestamptz NOT NULL DEFAULT now(),
      updated_at  timestamptz NOT NULL DEFAULT now(),
      UNIQUE (branch_id, name)
    );
    CREATE INDEX teams_branch_id_idx ON teams (branch_id);

    CREATE TABLE users (
      id                  serial PRIMARY KEY,
      email               varchar(200) NOT NULL CHECK (email ~ '^[^@\\s]+@[^@\\s]+$'),
      name                varchar(60)  NOT NULL,
      phone               varchar(30),
      title               varchar(60),
      password_hash       varchar(100) NOT NULL,
      role_id             integer NOT NULL REFERENCES roles(id) ON DELETE RESTRICT,
      team_id             integer REFERENCES teams(id) ON DELETE SET NULL,
      branch_id           integer REFERENCES branches(id) ON DELETE RESTRICT,
      active              boolean NOT NULL DEFAULT true,
      locale              varchar(10) NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      last_login_at       timestamptz,
      created_at          timestamptz NOT NULL DEFAULT now(),
      updated_at          timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX users_email_key ON users (lower(email));
    CREATE INDEX users_role_id_idx ON users (role_id);
    CREATE INDEX users_team_id_idx ON users (team_id);
    CREATE INDEX users_branch_id_idx ON users (branch_id);

    ALTER TABLE teams ADD CONSTRAINT teams_leader_id_fkey FOREIGN KEY (leader_id) REFERENCES users(id) ON DELETE SET NULL;
    CREATE INDEX teams_leader_id_idx ON teams (leader_id);

    -- The table connect-pg-simple expects (its own table.sql), owned by our migrations.
    CREATE TABLE sessions (
      sid     varchar NOT NULL PRIMARY KEY,
      sess    json NOT NULL,
      expire  timestamp(6) NOT NULL
    );
    CREATE INDEX sessions_expire_idx ON sessions (expire);
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE sessions;
    ALTER TABLE teams DROP CONSTRAINT teams_leader_id_fkey;
    DROP TABLE users;
    DROP TABLE teams;
    DROP TABLE roles;
    DROP TABLE branches;
  `);
};
