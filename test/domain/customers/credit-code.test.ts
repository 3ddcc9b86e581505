import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer } from '../../support/fixtures.js';
import { creditCodeCheckCharacter, creditCodeProblem, validCreditCode } from '../../../src/domain/customers/credit-code.js';
import { checkCustomerCreditCode } from '../../../src/domain/customers/credit-code-duplicates.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import { translate } from '../../../src/i18n/translate.js';
import { Customer } from '../../../src/models/index.js';

/** Well-formed codes with the right check character (PostgreSQL's own implementation agrees, below). */
const VALID = ['91310000132200821H', '91110000100010433L'];

function refusalOf(step: () => unknown): BusinessRuleError {
  try {
    step();
  } catch (error) {
    if (error instanceof BusinessRuleError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('统一社会信用代码 (GB 32100-2015)', () => {
  test('when a code is right, then it passes, upper-cased, and its check character is the standard one', () => {
    expect(creditCodeCheckCharacter('91310000132200821')).toBe('H');
    expect(creditCodeCheckCharacter('91110000100010433')).toBe('L');
    for (const code of VALID) expect(creditCodeProblem(code)).toBeNull();
    expect(validCreditCode(' 91310000132200821h ')).toBe('91310000132200821H');
  });

  test('when the check character is wrong, then the refusal names it and says what to do, in both languages', () => {
    const refusal = refusalOf(() => validCreditCode('91310000132200821J'));
    expect(refusal).toMatchObject({ code: 'creditCodeCheckCharacter', params: { character: 'J' }, field: 'credit_code' });
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe('统一社会信用代码第 18 位校验码「J」与前 17 位不符: 请对照营业执照逐位核对');
    expect(translate('en', refusal.code, refusal.params)).toContain('"J"');
    // One changed digit in the body shows up at the check character too.
    expect(creditCodeProblem('91310000132200822H')).toEqual({ code: 'creditCodeCheckCharacter', params: { character: 'H' } });
  });

  test('when a character is not allowed or not a digit where the division code is, then its position and the character are named', () => {
    expect(creditCodeProblem('91310000132200821')).toEqual({ code: 'creditCodeLength', params: { length: 17 } });
    expect(creditCodeProblem('9131000013220O821H')).toEqual({ code: 'creditCodeCharacter', params: { position: 14, character: 'O' } });
    expect(creditCodeProblem('913A0000132200821H')).toEqual({ code: 'creditCodeDigitExpected', params: { position: 4, character: 'A' } });
    const refusal = refusalOf(() => validCreditCode('913A0000132200821H'));
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe('统一社会信用代码第 4 位「A」应为数字 (第 3–8 位是行政区划码)');
  });

  describe('against the database', () => {
    let db: DomainDatabase;
    beforeAll(async () => {
      db = await openDomainDatabase();
    });
    afterAll(() => db.close());

    test('when PostgreSQL checks a code, then it agrees with the application on every demo code and on wrong ones', async () => {
      const rows = await db.sequelize.query<{ credit_code: string; valid: boolean }>(
        `SELECT credit_code, credit_code_is_valid(credit_code) AS valid FROM customers WHERE credit_code IS NOT NULL
          UNION ALL SELECT code, credit_code_is_valid(code) FROM unnest($1::text[]) AS code`,
        { bind: [['91310000132200821J', '91310000132200822H', '9131000013220O821H', ...VALID]], type: QueryTypes.SELECT },
      );
      expect(rows.length).toBeGreaterThan(300);
      expect(rows.filter((row) => row.valid !== (creditCodeProblem(row.credit_code) === null))).toEqual([]);
    });

    test('when any writer stores a wrong check character, then PostgreSQL refuses it; a code stored before the check stays editable', async () => {
      await expect(createCustomer({ credit_code: '91310000132200821J' })).rejects.toThrow(/check character/);
      const legacy = await createCustomer();
      await db.sequelize.query(`ALTER TABLE customers DISABLE TRIGGER customers_credit_code_check_character`);
      await db.sequelize.query(`UPDATE customers SET credit_code = '91310000132200821J' WHERE id = $1`, { bind: [legacy.id] });
      await db.sequelize.query(`ALTER TABLE customers ENABLE TRIGGER customers_credit_code_check_character`);
      await legacy.update({ notes: '旧系统迁移的客户' });
      expect((await legacy.reload()).notes).toBe('旧系统迁移的客户');
    });

    test('when a code another customer holds is entered, then the refusal names that customer, whoever owns it', async () => {
      const holder = await createCustomer({ name: '上海石化贸易有限公司', credit_code: '91110000100010433L' });
      const refusal = await checkCustomerCreditCode('91110000100010433l').then(() => null, (error: unknown) => error as BusinessRuleError);
      expect(refusal).toMatchObject({ code: 'creditCodeTaken', field: 'credit_code', params: { customer: `${holder.code} 上海石化贸易有限公司`, branch: '华东分公司' } });
      await expect(checkCustomerCreditCode('91110000100010433L', { exceptId: holder.id })).resolves.toBe('91110000100010433L');
      await expect(checkCustomerCreditCode('  ')).resolves.toBeNull();
      expect(await Customer.count({ where: { credit_code: '91110000100010433L' } })).toBe(1);
    });
  });
});
