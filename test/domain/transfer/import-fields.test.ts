import { booleanField, choiceField, creditCodeField, decimalField, textField, type CellResult } from '../../../src/domain/transfer/import-fields.js';
import { CUSTOMER_TYPES } from '../../../src/models/customer.model.js';

/** How single cells of an import are read; no database involved. */
describe('reading the cells of an import', () => {
  const value = (result: CellResult) => ('value' in result ? result.value : `problem:${result.problem}`);

  test('when money is typed as Excel shows it, then it is kept exact with its two decimals', () => {
    const money = decimalField('credit_limit', { scale: 2 });
    expect(value(money.read('1,234,567.5'))).toBe('1234567.50');
    expect(value(money.read('¥ 800'))).toBe('800.00');
    expect(value(money.read('0.10'))).toBe('0.10');
    expect(value(money.read('12.345'))).toBe('problem:importTooManyDecimals');
    expect(value(money.read('12.340'))).toBe('12.34');
    expect(value(money.read('-3'))).toBe('problem:importNegative');
    expect(value(money.read('一百'))).toBe('problem:importNotANumber');
    expect(value(money.read('1000000000000'))).toBe('problem:importNumberTooLarge');
  });

  test('when a quantity must be positive, then zero is refused and three decimals are kept', () => {
    const quantity = decimalField('quantity', { scale: 3, positive: true });
    expect(value(quantity.read('0'))).toBe('problem:importNotPositive');
    expect(value(quantity.read('-1'))).toBe('problem:importNotPositive');
    expect(value(quantity.read('25.5'))).toBe('25.500');
  });

  test('when an enum is written in Chinese, in English or as stored, then each gives the stored value', () => {
    const type = choiceField('customers', 'customer_type', CUSTOMER_TYPES);
    expect(value(type.read('加油站'))).toBe('gas_station');
    expect(value(type.read('GAS_STATION'))).toBe('gas_station');
    expect(value(type.read('批发商'))).toBe('problem:importNotAChoice');
  });

  test('when yes or no is written as 是/否, in English or in the field\'s own words, then it is understood', () => {
    const active = booleanField('products', 'active', true);
    expect(['是', 'Y', 'true', '1', '在售'].map((text) => value(active.read(text)))).toEqual([true, true, true, true, true]);
    expect(['否', 'no', '0', '停售'].map((text) => value(active.read(text)))).toEqual([false, false, false, false]);
    expect(value(active.read('也许'))).toBe('problem:importNotABoolean');
  });

  test('when a text is too long or a credit code malformed or with a wrong check character, then the cell is refused', () => {
    expect(value(textField('phone', { max: 5 }).read('电话号码太长了'))).toBe('problem:importTooLong');
    expect(value(creditCodeField('credit_code').read('91310000132200821h'))).toBe('91310000132200821H');
    expect(value(creditCodeField('credit_code').read('12345'))).toBe('problem:importCreditCodeLength');
    expect(creditCodeField('credit_code').read('91310000132200821J')).toEqual({ problem: 'importCreditCodeCheckCharacter', params: { character: 'J' } });
    expect(creditCodeField('credit_code').read('91310O00132200821H')).toEqual({ problem: 'importCreditCodeDigitExpected', params: { position: 6, character: 'O' } });
  });
});
