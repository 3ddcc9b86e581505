import { parseQuantity, sumQuantities, summarizeQuantities } from '../../../src/domain/inventory/quantity.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';

describe('quantities', () => {
  test('when typed with up to three decimals, then they come back exact to the kilogram, signed only when asked', () => {
    expect(parseQuantity('58', 'quantity')).toBe('58.000');
    expect(parseQuantity(' 0.1 ', 'quantity')).toBe('0.100');
    expect(parseQuantity(12.345, 'quantity')).toBe('12.345');
    expect(parseQuantity('-2.5', 'quantity', { signed: true })).toBe('-2.500');
    expect(() => parseQuantity('-2.5', 'quantity')).toThrow(BusinessRuleError);
    expect(() => parseQuantity('1e3', 'quantity')).toThrow(BusinessRuleError);
    expect(() => parseQuantity('123456789012', 'quantity')).toThrow(BusinessRuleError);
  });

  test('when summed, then no float rounding creeps in', () => {
    expect(sumQuantities(Array.from({ length: 10 }, () => '0.100'))).toBe('1.000');
    expect(sumQuantities(['99999999999.999', '0.001'])).toBe('100000000000.000');
  });

  test('when lines mix units, then weights add up in tons and the rest is listed apart', () => {
    expect(summarizeQuantities([{ quantity: '20.000', unit: 'ton' }, { quantity: '500.000', unit: 'kg' }, { quantity: '200.000', unit: 'liter' }, { quantity: '3.000', unit: 'drum' }])).toEqual({
      lines: 4, tons: '20.500', otherUnits: '200.000 L, 3.000 drum',
    });
  });
});
