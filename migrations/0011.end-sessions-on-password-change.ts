import type { MigrationFn } from './migration.js';

/**
 * A new password (changed by the user, reset by an administrator, imported, set in SQL) ends every
 * other session of that user, and a deactivation ends all of them, in the same transaction as the
 * change: a stolen session dies with the old password whatever path changed it. The session that
 * changed its own password names itself in `petrocrm.current_session` and survives. Re-hashing the
 * same password in a stronger scheme at login (`petrocrm.password_rehash`) is not a new password.
 * argon2id's encoded hashes are longer than bcrypt's, hence the wider column.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    ALTER TABLE users ALTER COLUMN password_hash TYPE varchar(255);
    CREATE INDEX sessions_user_id_idx ON sessions ((sess->'adminUser'->>'id'));

    CREATE FUNCTION mark_password_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
         AND coalesce(current_setting('petrocrm.password_rehash', true), '') <> 'on' THEN
        NEW.password_changed_at := now();
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER users_mark_password_changed BEFORE UPDATE OF password_hash ON users
      FOR EACH ROW EXECUTE FUNCTION mark_password_changed();

    CREATE FUNCTION end_sessions_of_changed_user() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.active AND NOT NEW.active THEN
        DELETE FROM sessions WHERE sess->'adminUser'->>'id' = NEW.id::text;
      ELSIF NEW.password_changed_at IS DISTINCT FROM OLD.password_changed_at THEN
        DELETE FROM sessions
         WHERE sess->'adminUser'->>'id' = NEW.id::text
           AND sid IS DISTINCT FROM nullif(current_setting('petrocrm.current_session', true), '');
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER users_end_sessions AFTER UPDATE OF password_hash, password_changed_at, active ON users
      FOR EACH ROW EXECUTE FUNCTION end_sessions_of_changed_user();
  `);
};

/** The column stays wide: argon2id hashes written since would not fit back. */
export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER users_end_sessions ON users;
    DROP FUNCTION end_sessions_of_changed_user();
    DROP TRIGGER users_mark_password_changed ON users;
    DROP FUNCTION mark_password_changed();
    DROP INDEX sessions_user_id_idx;
  `);
};
