import type { MigrationFn } from './migration.js';

/**
 * The probability of an opportunity follows its stage: one row per stage, set by administrators
 * (won is 100 and lost 0, always). A trigger gives every opportunity its stage's probability when
 * it is written, and a change of a stage's probability reaches every opportunity in that stage, so
 * the weighted funnel can never count a probability someone typed.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE TABLE opportunity_stage_probabilities (
      id           serial PRIMARY KEY,
      stage        varchar(20) NOT NULL UNIQUE CHECK (stage IN ('lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost')),
      probability  smallint NOT NULL CHECK (probability BETWEEN 0 AND 100),
      position     smallint NOT NULL,
      created_at   timestamptz NOT NULL DEFAULT now(),
      updated_at   timestamptz NOT NULL DEFAULT now(),
      CHECK (stage <> 'won' OR probability = 100),
      CHECK (stage <> 'lost' OR probability = 0)
    );
    INSERT INTO opportunity_stage_probabilities (stage, probability, position) VALUES
      ('lead', 10, 1), ('qualified', 25, 2), ('proposal', 50, 3), ('negotiation', 75, 4), ('won', 100, 5), ('lost', 0, 6);

    -- A stage row is a fact of the pipeline, never removed; the stage itself never renamed.
    CREATE FUNCTION keep_stage_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' OR NEW.stage <> OLD.stage THEN
        RAISE EXCEPTION 'opportunity stages are fixed' USING ERRCODE = 'PC001', TABLE = TG_TABLE_NAME, COLUMN = 'stage', HINT = 'stageProbabilityFixed';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER opportunity_stage_probabilities_fixed BEFORE UPDATE OR DELETE ON opportunity_stage_probabilities
      FOR EACH ROW EXECUTE FUNCTION keep_stage_rows();

    CREATE FUNCTION opportunity_probability_of_stage() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      SELECT probability INTO NEW.probability FROM opportunity_stage_probabilities WHERE stage = NEW.stage;
      RETURN NEW;
    END $$;
    -- Named to run before the state rules of 0023 (BEFORE triggers fire in name order).
    CREATE TRIGGER opportunities_a_probability BEFORE INSERT OR UPDATE ON opportunities
      FOR EACH ROW EXECUTE FUNCTION opportunity_probability_of_stage();

    CREATE FUNCTION stage_probability_reaches_opportunities() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE opportunities SET probability = NEW.probability, updated_at = now() WHERE stage = NEW.stage AND probability <> NEW.probability;
      RETURN NULL;
    END $$;
    CREATE TRIGGER opportunity_stage_probabilities_reach AFTER UPDATE OF probability ON opportunity_stage_probabilities
      FOR EACH ROW EXECUTE FUNCTION stage_probability_reaches_opportunities();

    UPDATE opportunities o SET probability = p.probability
      FROM opportunity_stage_probabilities p WHERE p.stage = o.stage AND o.probability <> p.probability;
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER opportunities_a_probability ON opportunities;
    DROP TABLE opportunity_stage_probabilities;
    DROP FUNCTION opportunity_probability_of_stage(), stage_probability_reaches_opportunities(), keep_stage_rows();
  `);
};
