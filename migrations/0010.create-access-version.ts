import type { MigrationFn } from './migration.js';

/**
 * One number that changes whenever anything an access decision reads changes: the matrix, a role,
 * the branch tree, or a user's role, team, branch, activity, e-mail or language. Every app instance
 * caches access profiles under this number and reads it with the session, so a change made on any
 * instance applies to the very next request on all of them. Statement triggers keep it current, so
 * no code path can forget to.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE access_version (
      id       boolean PRIMARY KEY DEFAULT true CHECK (id),
      version  bigint NOT NULL DEFAULT 1
    );
    INSERT INTO access_version DEFAULT VALUES;

    CREATE FUNCTION bump_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE access_version SET version = version + 1;
      RETURN NULL;
    END $$;

    CREATE TRIGGER role_permissions_access_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON role_permissions
      FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
    CREATE TRIGGER roles_access_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON roles
      FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
    CREATE TRIGGER branches_access_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF parent_id ON branches
      FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
    CREATE TRIGGER users_access_version AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF role_id, team_id, branch_id, active, email, locale ON users
      FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER users_access_version ON users;
    DROP TRIGGER branches_access_version ON branches;
    DROP TRIGGER roles_access_version ON roles;
    DROP TRIGGER role_permissions_access_version ON role_permissions;
    DROP FUNCTION bump_access_version();
    DROP TABLE access_version;
  `);
};
