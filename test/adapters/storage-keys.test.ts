import { encodeKeyPart, storageKeys } from '../../src/adapters/storage/keys';
import { BadRequestError } from '../../src/shared/errors';

const ALLOWED = /^[A-Za-z0-9 :._\-#]{1,500}$/;

describe('storage keys', () => {
  it.each([
    'QnVzaW5lc3M6Y2Y5MjNjYTctZmQ0Mi00YzQ2LTg1Y2QtNTQ4NjliYzE3ZTcz',
    'SW52b2ljZTo+/9+/w==',
    'a+b/c=d==',
    'has #hash and : colon and spaces',
    'ünïcødé ✓',
  ])('turns %p into an allowed key', (id) => {
    expect(storageKeys.link('invoice', id)).toMatch(ALLOWED);
    expect(storageKeys.event(id)).toMatch(ALLOWED);
    expect(storageKeys.recordLock('invoice', id)).toMatch(ALLOWED);
  });

  it('keeps distinct ids distinct and prefixes by kind', () => {
    expect(encodeKeyPart('a+b')).toBe('a#2Bb');
    expect(encodeKeyPart('a/b=')).toBe('a#2Fb#3D');
    expect(encodeKeyPart('a#2Bb')).not.toBe(encodeKeyPart('a+b'));
    expect(storageKeys.link('customer', 'x=')).toBe('link:customer:x#3D');
    expect(storageKeys.event('e+1')).toBe('event:e#2B1');
    expect(storageKeys.recordLock('invoice', 'i/1')).toBe('lock:invoice:i#2F1');
  });

  it('keys an id too long to encode by its digest: always a valid key, one per id', () => {
    const long = storageKeys.event('='.repeat(256));
    expect(long).toMatch(ALLOWED);
    expect(long.length).toBeLessThanOrEqual(500);
    expect(storageKeys.event('='.repeat(256))).toBe(long);
    expect(storageKeys.event('='.repeat(255) + '+')).not.toBe(long);
    expect(storageKeys.link('invoice', 'x'.repeat(600))).toMatch(ALLOWED);
  });

  it('refuses ids that cannot make a valid key', () => {
    expect(() => storageKeys.event('')).toThrow(BadRequestError);
  });
});
