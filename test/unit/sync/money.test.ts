import {
  currencyExponent,
  decimalToMinor,
  formatMoney,
  minorToDecimal,
  minorToNumber,
  moneyToMinor,
} from '../../../src/domain/sync/money';

describe('money', () => {
  it('knows the minor-unit exponent of 0-, 2- and 3-decimal currencies', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('kwd')).toBe(3);
    expect(currencyExponent('XYZ')).toBe(2);
  });

  it.each([
    [125050, 'USD', 'USD 1,250.50'],
    [50000, 'USD', 'USD 500.00'],
    [5, 'USD', 'USD 0.05'],
    [0, 'USD', 'USD 0.00'],
    [1250, 'JPY', 'JPY 1,250'],
    [0, 'JPY', 'JPY 0'],
    [1250, 'KWD', 'KWD 1.250'],
    [1, 'KWD', 'KWD 0.001'],
    [0, 'KWD', 'KWD 0.000'],
    [123456789012, 'USD', 'USD 1,234,567,890.12'],
    [-125050, 'USD', 'USD -1,250.50'],
  ])('formats %d %s as %s', (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it('parses decimal strings to minor units exactly (no float rounding)', () => {
    expect(decimalToMinor('0.29', 2)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(decimalToMinor('1250.5', 2)).toBe(125050);
    expect(decimalToMinor('1250', 0)).toBe(1250);
    expect(decimalToMinor('1.250', 3)).toBe(1250);
    expect(decimalToMinor('1250.00', 0)).toBe(1250);
    expect(decimalToMinor('-3.10', 2)).toBe(-310);
    expect(decimalToMinor('1.001', 2)).toBeNull();
    expect(decimalToMinor('1e3', 2)).toBeNull();
    expect(decimalToMinor('', 2)).toBeNull();
  });

  it('takes Wave raw minor units, falling back to the decimal value when raw is unusable', () => {
    expect(moneyToMinor({ raw: 125050, value: '1250.50', currency: { code: 'USD' } })).toBe(125050);
    expect(moneyToMinor({ raw: Number.NaN, value: '1250.50', currency: { code: 'USD' } })).toBe(125050);
    expect(moneyToMinor({ raw: 1.5, value: '1.250', currency: { code: 'KWD' } })).toBe(1250);
    expect(moneyToMinor({ raw: Number.NaN, value: 'abc', currency: { code: 'USD' } })).toBeNull();
  });

  it('turns minor units into decimals and field numbers', () => {
    expect(minorToDecimal(7, 2)).toBe('0.07');
    expect(minorToDecimal(-7, 3)).toBe('-0.007');
    expect(minorToNumber(125050, 'USD')).toBe(1250.5);
    expect(minorToNumber(1250, 'JPY')).toBe(1250);
    expect(minorToNumber(1250, 'KWD')).toBe(1.25);
    expect(minorToNumber(0, 'USD')).toBe(0);
  });
});
