import { createHmac } from 'node:crypto';
import {
  DEFAULT_TOLERANCE_SECONDS,
  WaveSignatureError,
  signWaveWebhook,
  verifyWaveSignature,
  type VerifyWaveSignatureInput,
  type WaveSignatureFailureReason,
} from '../../../src/domain/wave-webhook';

const SECRET = 'whsec_current_7f3a';
const PREVIOUS = 'whsec_previous_91bc';
const T = 1_768_653_240; // 2026-01-17T12:34:00Z
const NOW_MS = T * 1000;
const OCCURRED_AT = new Date(NOW_MS).toISOString();
const BODY = JSON.stringify({
  id: 'evt_1',
  type: 'invoice.paid',
  occurredAt: OCCURRED_AT,
  data: { invoice: { id: 'SW52b2ljZTox' } },
});

function hmac(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

function verify(overrides: Partial<VerifyWaveSignatureInput> = {}) {
  return verifyWaveSignature({
    rawBody: BODY,
    header: signWaveWebhook({ rawBody: BODY, secret: SECRET, timestamp: T }),
    secrets: [SECRET],
    now: NOW_MS,
    ...overrides,
  });
}

function failure(overrides: Partial<VerifyWaveSignatureInput>): WaveSignatureError {
  try {
    verify(overrides);
  } catch (error) {
    expect(error).toBeInstanceOf(WaveSignatureError);
    const signatureError = error as WaveSignatureError;
    for (const secret of [SECRET, PREVIOUS]) expect(signatureError.message).not.toContain(secret);
    return signatureError;
  }
  throw new Error('expected verifyWaveSignature to throw');
}

function expectReason(
  overrides: Partial<VerifyWaveSignatureInput>,
  reason: WaveSignatureFailureReason,
): WaveSignatureError {
  const error = failure(overrides);
  expect(error.reason).toBe(reason);
  return error;
}

describe('verifyWaveSignature: timestamped scheme', () => {
  it('accepts a body signed with the current secret, as the documented formula computes it', () => {
    const header = `t=${T},v1=${hmac(SECRET, `${T}.${BODY}`).toString('hex')}`;
    expect(signWaveWebhook({ rawBody: BODY, secret: SECRET, timestamp: T })).toBe(header);
    expect(verify({ header })).toEqual({ scheme: 'timestamped', secretIndex: 0, timestamp: T });
  });

  it('accepts the previous secret during a rotation and reports which one matched', () => {
    const header = signWaveWebhook({ rawBody: BODY, secret: PREVIOUS, timestamp: T });
    expect(verify({ header, secrets: [SECRET, PREVIOUS] })).toEqual({
      scheme: 'timestamped',
      secretIndex: 1,
      timestamp: T,
    });
  });

  it('rejects the previous secret once it is no longer passed', () => {
    const header = signWaveWebhook({ rawBody: BODY, secret: PREVIOUS, timestamp: T });
    expectReason({ header, secrets: [SECRET] }, 'signature_mismatch');
  });

  it("skips empty secret slots but keeps the caller's indexes", () => {
    const header = signWaveWebhook({ rawBody: BODY, secret: PREVIOUS, timestamp: T });
    expect(verify({ header, secrets: ['', undefined, null, PREVIOUS] }).secretIndex).toBe(3);
  });

  it('accepts when any of several v1 entries matches, in any position', () => {
    const good = hmac(SECRET, `${T}.${BODY}`).toString('hex');
    const other = hmac('unrelated', `${T}.${BODY}`).toString('hex');
    expect(verify({ header: `t=${T},v1=${other},v1=${good}` }).secretIndex).toBe(0);
    expect(verify({ header: `v1=${good}, t=${T}, v1=${other}` }).secretIndex).toBe(0);
  });

  it('ignores entries of schemes it does not know, like Stripe does', () => {
    const good = hmac(SECRET, `${T}.${BODY}`).toString('hex');
    expect(verify({ header: `t=${T},v0=deadbeef,v2=whatever,v1=${good}` }).scheme).toBe('timestamped');
  });

  it('joins a header that arrived as several values (Forge passes string[])', () => {
    const good = hmac(SECRET, `${T}.${BODY}`).toString('hex');
    expect(verify({ header: [`t=${T}`, `v1=${good}`] }).timestamp).toBe(T);
  });

  it('accepts upper-case hex', () => {
    const good = hmac(SECRET, `${T}.${BODY}`).toString('hex').toUpperCase();
    expect(verify({ header: `t=${T},v1=${good}` }).secretIndex).toBe(0);
  });

  it('verifies bytes, so a Buffer body with non-Latin text works the same as its string', () => {
    const body = JSON.stringify({ id: 'e', note: 'شركة "الأمل" <b>株式会社</b>\u200f' });
    const header = signWaveWebhook({ rawBody: body, secret: SECRET, timestamp: T });
    expect(verify({ rawBody: Buffer.from(body, 'utf8'), header }).secretIndex).toBe(0);
  });

  it('rejects a body changed by one byte', () => {
    expectReason({ rawBody: BODY.replace('invoice.paid', 'invoice.sent') }, 'signature_mismatch');
  });

  it('rejects a re-serialised body (whitespace matters)', () => {
    expectReason({ rawBody: JSON.stringify(JSON.parse(BODY), null, 2) }, 'signature_mismatch');
  });

  it('rejects a signature made for another timestamp', () => {
    const v1 = hmac(SECRET, `${T - 1}.${BODY}`).toString('hex');
    expectReason({ header: `t=${T},v1=${v1}` }, 'signature_mismatch');
  });

  it('rejects a signature of the body alone under the timestamped form', () => {
    const v1 = hmac(SECRET, BODY).toString('hex');
    expectReason({ header: `t=${T},v1=${v1}` }, 'signature_mismatch');
  });

  it.each([
    ['too short', 'abcd'],
    ['one byte short', hmac(SECRET, `${T}.${BODY}`).subarray(0, 31).toString('hex')],
    ['one byte long', hmac(SECRET, `${T}.${BODY}`).toString('hex') + '00'],
  ])('treats a wrong-length v1 (%s) as a mismatch, not a crash', (_label, v1) => {
    expectReason({ header: `t=${T},v1=${v1}` }, 'signature_mismatch');
  });

  it('never puts the expected signature in the message', () => {
    const error = expectReason({ header: `t=${T},v1=${'0'.repeat(64)}` }, 'signature_mismatch');
    expect(error.message).not.toContain(hmac(SECRET, `${T}.${BODY}`).toString('hex'));
    expect(error.httpStatus).toBe(401);
  });
});

describe('verifyWaveSignature: tolerance', () => {
  const tolerance = DEFAULT_TOLERANCE_SECONDS;

  it('defaults to 300 seconds', () => {
    expect(DEFAULT_TOLERANCE_SECONDS).toBe(300);
  });

  it('accepts exactly the tolerance on both sides', () => {
    expect(verify({ now: NOW_MS + tolerance * 1000 }).timestamp).toBe(T);
    expect(verify({ now: NOW_MS - tolerance * 1000 }).timestamp).toBe(T);
  });

  it('rejects one millisecond past it on either side', () => {
    expectReason({ now: NOW_MS + tolerance * 1000 + 1 }, 'timestamp_too_old');
    expectReason({ now: NOW_MS - tolerance * 1000 - 1 }, 'timestamp_in_future');
  });

  it('takes now as a Date too', () => {
    expect(verify({ now: new Date(NOW_MS + 1000) }).timestamp).toBe(T);
    expectReason({ now: new Date(NOW_MS + 301_000) }, 'timestamp_too_old');
  });

  it('uses a configured tolerance', () => {
    expect(verify({ now: NOW_MS + 3_600_000, toleranceSeconds: 3600 }).timestamp).toBe(T);
    expectReason({ now: NOW_MS + 11_000, toleranceSeconds: 10 }, 'timestamp_too_old');
    expectReason({ now: NOW_MS + 1, toleranceSeconds: 0 }, 'timestamp_too_old');
  });

  it('says how far off the timestamp is and what the tolerance is', () => {
    const error = expectReason({ now: NOW_MS + 412_000 }, 'timestamp_too_old');
    expect(error.message).toBe('the signature timestamp is 412 s old; the tolerance is 300 s');
  });

  it('checks the signature before the time, so a forged stale request is a mismatch', () => {
    expectReason({ header: `t=${T},v1=${'ab'.repeat(32)}`, now: NOW_MS + 10_000_000 }, 'signature_mismatch');
  });

  it('refuses a nonsensical tolerance or clock as a programming error', () => {
    expect(() => verify({ toleranceSeconds: -1 })).toThrow(RangeError);
    expect(() => verify({ toleranceSeconds: Number.NaN })).toThrow(RangeError);
    expect(() => verify({ now: new Date('not a date') })).toThrow(RangeError);
  });
});

describe('verifyWaveSignature: bare scheme', () => {
  const digest = () => hmac(SECRET, BODY);

  it.each([
    ['hex', () => digest().toString('hex')],
    ['upper-case hex', () => digest().toString('hex').toUpperCase()],
    ['base64', () => digest().toString('base64')],
    ['base64 without padding', () => digest().toString('base64').replace(/=+$/, '')],
    ['base64url', () => digest().toString('base64url')],
    ['sha256= hex', () => `sha256=${digest().toString('hex')}`],
    ['sha256= base64', () => `sha256=${digest().toString('base64')}`],
    ['SHA256= hex', () => `SHA256=${digest().toString('hex')}`],
  ])('accepts %s with the body occurredAt as the timestamp', (_label, header) => {
    expect(verify({ header: header() })).toEqual({ scheme: 'bare', secretIndex: 0, timestamp: T });
  });

  it('matches what signWaveWebhook produces in every encoding', () => {
    for (const encoding of ['hex', 'base64'] as const) {
      for (const prefix of [false, true]) {
        const header = signWaveWebhook({ rawBody: BODY, secret: SECRET, scheme: 'bare', encoding, prefix });
        expect(verify({ header }).scheme).toBe('bare');
      }
    }
  });

  it('accepts the previous secret', () => {
    const header = hmac(PREVIOUS, BODY).toString('base64');
    expect(verify({ header, secrets: [SECRET, PREVIOUS] }).secretIndex).toBe(1);
  });

  it('rejects a wrong secret', () => {
    expectReason({ header: hmac('nope', BODY).toString('hex') }, 'signature_mismatch');
  });

  it('rejects a wrong-length digest', () => {
    expectReason({ header: digest().subarray(0, 20).toString('base64') }, 'signature_mismatch');
    expectReason({ header: `sha256=${'ab'.repeat(16)}` }, 'signature_mismatch');
  });

  it('applies the tolerance to occurredAt, both sides and at the boundary', () => {
    expect(verify({ header: digest().toString('hex'), now: NOW_MS + 300_000 }).scheme).toBe('bare');
    expectReason({ header: digest().toString('hex'), now: NOW_MS + 300_001 }, 'timestamp_too_old');
    expectReason({ header: digest().toString('hex'), now: NOW_MS - 300_001 }, 'timestamp_in_future');
    const error = expectReason({ header: digest().toString('hex'), now: NOW_MS + 900_000 }, 'timestamp_too_old');
    expect(error.message).toContain("the body's occurredAt");
  });

  it('needs occurredAt in the body', () => {
    for (const body of [
      JSON.stringify({ id: 'e' }),
      JSON.stringify({ occurredAt: null }),
      '[1,2]',
      'not json',
      '"str"',
    ]) {
      expectReason({ rawBody: body, header: hmac(SECRET, body).toString('hex') }, 'body_timestamp_missing');
    }
  });

  it('needs occurredAt to be an ISO-8601 date-time with a zone', () => {
    for (const occurredAt of [
      'yesterday',
      '2026-01-17',
      '2026-01-17T12:34:00',
      1_768_653_240,
      '2026-13-40T99:00:00Z',
    ]) {
      const body = JSON.stringify({ occurredAt });
      expectReason({ rawBody: body, header: hmac(SECRET, body).toString('hex') }, 'body_timestamp_invalid');
    }
  });

  it('does not look at the body timestamp before the signature is proven', () => {
    const body = JSON.stringify({ id: 'e' });
    expectReason({ rawBody: body, header: hmac('nope', body).toString('hex') }, 'signature_mismatch');
  });
});

describe("verifyWaveSignature: bare scheme for Wave's own deliveries (dated by x-wave-timestamp)", () => {
  const bare = () => hmac(SECRET, BODY).toString('hex');
  const byHeader = (header: string | undefined) => ({ source: 'timestamp-header' as const, header });

  it('takes x-wave-timestamp as the time when Wave sends it', () => {
    expect(verify({ header: bare(), bareFreshness: byHeader(String(T)) })).toEqual({
      scheme: 'bare',
      secretIndex: 0,
      timestamp: T,
    });
  });

  it('applies the tolerance to x-wave-timestamp on both sides', () => {
    const at = (offset: number) => ({ header: bare(), bareFreshness: byHeader(String(T + offset)) });
    expect(verify(at(-DEFAULT_TOLERANCE_SECONDS)).timestamp).toBe(T - DEFAULT_TOLERANCE_SECONDS);
    expectReason(at(-DEFAULT_TOLERANCE_SECONDS - 1), 'timestamp_too_old');
    expectReason(at(DEFAULT_TOLERANCE_SECONDS + 1), 'timestamp_in_future');
  });

  it('accepts a delivery without x-wave-timestamp undated (the app only re-reads Wave for it)', () => {
    expect(verify({ header: bare(), bareFreshness: byHeader(undefined) })).toEqual({
      scheme: 'bare',
      secretIndex: 0,
      timestamp: null,
    });
  });

  it('refuses an x-wave-timestamp that is no unix time, and a wrong secret first', () => {
    expectReason({ header: bare(), bareFreshness: byHeader('yesterday') }, 'timestamp_header_invalid');
    const forged = hmac('another-secret', BODY).toString('hex');
    expectReason({ header: forged, bareFreshness: byHeader('yesterday') }, 'signature_mismatch');
  });

  it('still dates the timestamped form by its own t', () => {
    expect(verify({ bareFreshness: byHeader(String(T - 10_000)) }).timestamp).toBe(T);
  });
});

describe('verifyWaveSignature: missing and malformed input', () => {
  it.each([undefined, null, '', '   ', [] as string[], ['', ' ']])('missing_header for %p', (header) => {
    expectReason({ header }, 'missing_header');
  });

  it.each([
    ['t without v1', `t=${T}`],
    ['v1 without t', `v1=${'ab'.repeat(32)}`],
    ['two different t', `t=${T},t=${T + 1},v1=${'ab'.repeat(32)}`],
    ['t not a number', `t=soon,v1=${'ab'.repeat(32)}`],
    ['t in milliseconds', `t=${NOW_MS}0,v1=${'ab'.repeat(32)}`],
    ['negative t', `t=-5,v1=${'ab'.repeat(32)}`],
    ['v1 not hex', `t=${T},v1=${'zz'.repeat(32)}`],
    ['v1 odd length', `t=${T},v1=abc`],
    ['an entry without =', `t=${T},v1=${'ab'.repeat(32)},junk`],
    ['bare garbage', 'not a signature!'],
    ['bare with spaces', 'sha256=ab cd'],
  ])('malformed_header for %s', (_label, header) => {
    const error = expectReason({ header }, 'malformed_header');
    expect(error.message).not.toContain(header);
  });

  it('no_secret_configured when no usable secret is passed, with a 503 status', () => {
    for (const secrets of [[], [''], [undefined, null]]) {
      const error = expectReason({ secrets }, 'no_secret_configured');
      expect(error.httpStatus).toBe(503);
    }
  });

  it('no_secret_configured wins over a missing header (nothing could be verified anyway)', () => {
    expectReason({ secrets: [], header: undefined }, 'no_secret_configured');
  });

  it('is a proper Error with a stable name', () => {
    const error = expectReason({ header: undefined }, 'missing_header');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('WaveSignatureError');
    expect(error.message).toBe('the x-wave-signature header is missing');
  });
});

describe('signWaveWebhook', () => {
  it('takes a Date as the timestamp', () => {
    expect(signWaveWebhook({ rawBody: BODY, secret: SECRET, timestamp: new Date(NOW_MS + 999) })).toBe(
      signWaveWebhook({ rawBody: BODY, secret: SECRET, timestamp: T }),
    );
  });

  it('refuses milliseconds, fractions and negatives passed as unix seconds', () => {
    for (const timestamp of [NOW_MS, T + 0.5, -1, Number.NaN]) {
      expect(() => signWaveWebhook({ rawBody: BODY, secret: SECRET, timestamp })).toThrow(RangeError);
    }
  });

  it('produces the sha256= prefix only when asked', () => {
    expect(signWaveWebhook({ rawBody: BODY, secret: SECRET, scheme: 'bare' })).toMatch(/^[0-9a-f]{64}$/);
    expect(signWaveWebhook({ rawBody: BODY, secret: SECRET, scheme: 'bare', prefix: true })).toMatch(
      /^sha256=[0-9a-f]{64}$/,
    );
    expect(signWaveWebhook({ rawBody: BODY, secret: SECRET, scheme: 'bare', encoding: 'base64' })).toMatch(
      /^[A-Za-z0-9+/]{43}=$/,
    );
  });
});
