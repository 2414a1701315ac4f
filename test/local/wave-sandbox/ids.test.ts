import {
  nextNumericId,
  numericIdOf,
  parseResourceGlobalId,
  resourceGlobalId,
  WAVE_NUMERIC_ID,
} from '../../../local/wave-sandbox/ids';
import { SEED_BUSINESS_UUID } from '../../../local/wave-sandbox/seed';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe("Wave sandbox ids: Wave's global ids", () => {
  it('builds base64("Business:<uuid>;<Kind>:<n>") and reads n back, 19 digits intact', () => {
    const id = resourceGlobalId(SEED_BUSINESS_UUID, 'Invoice', '2496756670638588934');
    expect(id).toBe(base64(`Business:${SEED_BUSINESS_UUID};Invoice:2496756670638588934`));
    expect(parseResourceGlobalId(id)).toEqual({
      businessUuid: SEED_BUSINESS_UUID,
      kind: 'Invoice',
      n: '2496756670638588934',
    });
    expect(numericIdOf(id, 'Invoice')).toBe('2496756670638588934');
    expect(numericIdOf(id, 'Customer')).toBeUndefined();
    const tagged = resourceGlobalId(SEED_BUSINESS_UUID, 'Customer', '4461228170000077019', '~~??');
    expect(numericIdOf(tagged, 'Customer')).toBe('4461228170000077019');
  });

  it('reads nothing from ids that are not Wave global ids', () => {
    for (const id of [
      'QnVzaW5lc3M6Y3VzdG9t+/==',
      'not base64!',
      base64('Invoice:12'),
      '',
      base64('Business:x;Invoice:1'),
    ])
      expect(parseResourceGlobalId(id)).toBeUndefined();
    // Base64 that only decodes loosely (no padding) is not the id Wave would send.
    const unpadded = resourceGlobalId(SEED_BUSINESS_UUID, 'Invoice', '2496756670638588934').replace(/=+$/, '');
    expect(parseResourceGlobalId(unpadded)).toBeUndefined();
  });

  it('counts past a JS number without losing digits', () => {
    expect(nextNumericId('9007199254740993999')).toBe('9007199254740994000');
    expect(nextNumericId(1873446)).toBe('1873447');
    expect(WAVE_NUMERIC_ID.test('2496756670638588934')).toBe(true);
    expect(WAVE_NUMERIC_ID.test('249675667063858893')).toBe(false);
  });

  it('no invoice id of the seeded business can contain + or / (why customers and payments carry them)', () => {
    // The prefix is 54 bytes, a whole number of base64 groups: what follows encodes on its own, digits only.
    const prefix = `Business:${SEED_BUSINESS_UUID};Invoice:`;
    expect(Buffer.byteLength(prefix) % 3).toBe(0);
    expect(base64(prefix)).not.toMatch(/[+/]/);
    const groups: string[] = [];
    for (let n = 0; n < 1000; n += 1) groups.push(String(n).padStart(3, '0'));
    for (let n = 0; n < 100; n += 1) groups.push(String(n).padStart(2, '0'), String(n % 10));
    for (const digits of groups) expect(base64(digits)).not.toMatch(/[+/]/);
  });
});
