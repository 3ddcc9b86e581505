import type { MigrationFn } from './migration.js';

/**
 * 统一社会信用代码 (GB 32100-2015): the 18th character is a check character computed from the first 17
 * (weights 3^(i-1) mod 31 over the 31 characters the code may use). The format CHECK of 0003 stays;
 * this adds the check character for every code written from now on, whatever writes it. A trigger
 * rather than a CHECK: a code stored before this release that fails the check keeps its row
 * writable (the nightly analysis updates every customer) until someone changes the code itself.
 * The application checks first (src/domain/customers/credit-code.ts) and says which character is
 * wrong; this is the backstop for imports, scripts and ERP interfaces.
 */
export const up: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    CREATE FUNCTION credit_code_is_valid(code text) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS $$
      SELECT code ~ '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$'
         AND substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
                    (31 - (SELECT sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                                      * (ARRAY[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i])
                             FROM generate_series(1, 17) AS i)::integer % 31) % 31 + 1, 1) = substr(code, 18, 1)
    $$;

    CREATE FUNCTION refuse_wrong_credit_code_check_character() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.credit_code IS NULL OR (TG_OP = 'UPDATE' AND NEW.credit_code IS NOT DISTINCT FROM OLD.credit_code) THEN
        RETURN NEW;
      END IF;
      IF NOT credit_code_is_valid(NEW.credit_code) THEN
        RAISE EXCEPTION 'unified social credit code % fails its GB 32100-2015 check character', NEW.credit_code
          USING ERRCODE = 'check_violation', CONSTRAINT = 'customers_credit_code_check_character', COLUMN = 'credit_code';
      END IF;
      RETURN NEW;
    END $$;

    CREATE TRIGGER customers_credit_code_check_character BEFORE INSERT OR UPDATE OF credit_code ON customers
      FOR EACH ROW EXECUTE FUNCTION refuse_wrong_credit_code_check_character();
  `);
};

export const down: MigrationFn = async ({ context: sequelize }) => {
  await sequelize.query(`
    DROP TRIGGER customers_credit_code_check_character ON customers;
    DROP FUNCTION refuse_wrong_credit_code_check_character();
    DROP FUNCTION credit_code_is_valid(text);
  `);
};
