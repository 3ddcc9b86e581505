import type { MigrationFn } from './migration.js';

/**
 * 销售目标: what a manager expects of a representative, a team or a branch in one calendar month, in
 * tons and in revenue. One target per subject and month. Its branch is the subject's own (the
 * representative's or the team's), kept by PostgreSQL, so a branch manager sees exactly the
 * targets of their branch whoever entered them.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE sales_targets (
      id              serial PRIMARY KEY,
      month           date NOT NULL CHECK (extract(day FROM month) = 1),
      level           varchar(10) NOT NULL CHECK (level IN ('rep', 'team', 'branch')),
      user_id         integer REFERENCES users(id) ON DELETE RESTRICT,
      team_id         integer REFERENCES teams(id) ON DELETE RESTRICT,
      branch_id       integer NOT NULL REFERENCES branches(id) ON DELETE RESTRICT,
      target_tons     numeric(14,3) NOT NULL DEFAULT 0 CHECK (target_tons >= 0),
      target_revenue  numeric(14,2) NOT NULL DEFAULT 0 CHECK (target_revenue >= 0),
      notes           text,
      created_at      timestamptz NOT NULL DEFAULT now(),
      updated_at      timestamptz NOT NULL DEFAULT now(),
      CHECK ((level = 'rep') = (user_id IS NOT NULL)),
      CHECK ((level = 'team') = (team_id IS NOT NULL)),
      CHECK (target_tons > 0 OR target_revenue > 0)
    );
    CREATE UNIQUE INDEX sales_targets_rep_month_key ON sales_targets (user_id, month) WHERE level = 'rep';
    CREATE UNIQUE INDEX sales_targets_team_month_key ON sales_targets (team_id, month) WHERE level = 'team';
    CREATE UNIQUE INDEX sales_targets_branch_month_key ON sales_targets (branch_id, month) WHERE level = 'branch';
    CREATE INDEX sales_targets_month_idx ON sales_targets (month);
    CREATE INDEX sales_targets_branch_id_idx ON sales_targets (branch_id);

    CREATE FUNCTION set_sales_target_branch() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.level = 'rep' THEN
        NEW.branch_id := (SELECT branch_id FROM users WHERE id = NEW.user_id);
      ELSIF NEW.level = 'team' THEN
        NEW.branch_id := (SELECT branch_id FROM teams WHERE id = NEW.team_id);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER sales_targets_branch BEFORE INSERT OR UPDATE ON sales_targets
      FOR EACH ROW EXECUTE FUNCTION set_sales_target_branch();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TABLE sales_targets;
    DROP FUNCTION set_sales_target_branch();
  `);
};
