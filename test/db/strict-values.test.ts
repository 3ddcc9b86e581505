import { dayProblem, decimalProblem, instantOf } from '../../src/db/strict-values.js';
import { parseDiscount, parseMoney } from '../../src/domain/sales/money.js';
import { parseQuantity } from '../../src/domain/inventory/quantity.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';

/** Values are stored as typed or refused; none is rounded or moved. */
describe('strict values', () => {
  test('when a day does not exist or is written otherwise, then it is refused rather than moved', () => {
    expect(dayProblem('2026-02-28')).toBeUndefined();
    expect(dayProblem('2026-02-30')).toBe('notADate');
    expect(dayProblem('2026-02-28T00:00:00.000Z')).toBe('notADate');
  });

  test('when a time has no offset, then it is a time on the business clock; an impossible one is none', () => {
    expect(instantOf('2026-03-01 15:30')?.toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(instantOf('2026-03-01T07:30:00Z')?.toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(instantOf('2026-03-01T15:30:00+08:00')?.toISOString()).toBe('2026-03-01T07:30:00.000Z');
    expect(instantOf('2026-02-30 10:00')).toBeUndefined();
    expect(instantOf('2026-03-01 24:10')).toBeUndefined();
  });

  test('when money has a third decimal or a quantity a fourth, then it is refused; trailing zeros are no decimals', () => {
    expect(decimalProblem('12.34', 14, 2)).toBeUndefined();
    expect(decimalProblem('12.340', 14, 2)).toBeUndefined();
    expect(decimalProblem('12.345', 14, 2)).toBe('atMostTwoDecimals');
    expect(decimalProblem('1.2345', 14, 3)).toBe('atMostThreeDecimals');
    expect(decimalProblem('1234567890123', 14, 2)).toBe('valueOutOfRange');
    expect(decimalProblem('12,5', 14, 2)).toBe('notANumber');
  });

  test('when a form types an amount, a discount or a quantity, then the domain keeps it exact or names the field', () => {
    expect(parseMoney('8500.5', 'unit_price')).toBe('8500.50');
    expect(parseDiscount('', 'discount_pct')).toBe('0.00');
    const refused = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        return error instanceof BusinessRuleError ? [error.code, error.field] : error;
      }
      return 'accepted';
    };
    expect(refused(() => parseMoney('12.345', 'lines.0.unit_price'))).toEqual(['atMostTwoDecimals', 'lines.0.unit_price']);
    expect(refused(() => parseMoney('-1', 'unit_price'))).toEqual(['moneyNegative', 'unit_price']);
    expect(refused(() => parseDiscount('100.5', 'discount_pct'))).toEqual(['discountInvalid', 'discount_pct']);
    expect(refused(() => parseQuantity('1.2345', 'lines.1.quantity'))).toEqual(['quantityInvalid', 'lines.1.quantity']);
  });
});
