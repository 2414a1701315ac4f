import {
  extractInvoiceIssueKeys,
  extractIssueKeys,
  isIssueKey,
  MAX_KEYS_PER_INVOICE,
  MAX_SCANNED_CHARACTERS,
} from '../../../src/domain/links';

const keysIn = (...texts: (string | null | undefined)[]) => extractIssueKeys(texts).keys;

describe('issue keys in free text', () => {
  it('finds keys in a sentence, in order of first appearance', () => {
    expect(keysIn('Sprint 14: ACME-42, ACME-57 and OPS-3.')).toEqual(['ACME-42', 'ACME-57', 'OPS-3']);
  });

  it.each([
    [
      'project keys of 2 to 10 characters with digits and underscores',
      'AB-1 A1-2 MY_PROJ-3 ABCDEFGHIJ-4',
      ['AB-1', 'A1-2', 'MY_PROJ-3', 'ABCDEFGHIJ-4'],
    ],
    ['a one-letter project key', 'A-1', []],
    ['an 11-character project key', 'ABCDEFGHIJK-1', []],
    ['a project key starting with a digit or underscore', '1ACME-1 _ACME-2', []],
    ['lower-case keys', 'acme-42 Acme-42', []],
    ['issue numbers with a leading zero, or zero', 'ACME-042 ACME-0', []],
    ['issue numbers of more than 10 digits', 'ACME-12345678901', []],
    ['a ten-digit issue number', 'ACME-1234567890', ['ACME-1234567890']],
  ])('takes %s correctly', (_what, text, expected) => {
    expect(keysIn(text)).toEqual(expected);
  });

  it.each([
    ['letters around', 'XACME-1Y'],
    ['lower-case letters before', 'xACME-1'],
    ['letters after', 'ACME-1Y'],
    ['digits after', 'ACME-1x2'],
    ['an underscore around', '_ACME-1 ACME-1_'],
    ['a dash-joined word before', 'ABC-DEF-1'],
    ['non-ASCII letters around', 'ÉACME-1 ACME-1é'],
    ['a combining mark after', 'ACME-1\u0301'],
  ])('does not match inside a word (%s)', (_what, text) => {
    expect(keysIn(text)).toEqual([]);
  });

  it.each([
    ['a URL', 'https://example.atlassian.net/browse/ACME-42?focused=1#c', ['ACME-42']],
    ['markup', '<p><b>ACME-42</b><a href="/browse/ACME-43">x</a></p>', ['ACME-42', 'ACME-43']],
    ['brackets and quotes', '[ACME-1] (ACME-2) "ACME-3" \'ACME-4\'', ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4']],
    ['slashes and commas without spaces', 'ACME-1/ACME-2,ACME-3;ACME-4', ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4']],
    ['a trailing dash and number', 'ACME-12-final ACME-7-2', ['ACME-12', 'ACME-7']],
    ['line breaks and tabs', 'ACME-1\nACME-2\tACME-3\r\n', ['ACME-1', 'ACME-2', 'ACME-3']],
  ])('matches keys next to punctuation (%s)', (_what, text, expected) => {
    expect(keysIn(text)).toEqual(expected);
  });

  it('reads keys as a person sees them: invisible characters are ignored', () => {
    // A zero-width space inside the number must not turn ACME-42 into someone else's ACME-4.
    expect(keysIn('ACME-4\u200B2')).toEqual(['ACME-42']);
    expect(keysIn('\u200FACME-7\u200E and \u202EACME-8\u202C')).toEqual(['ACME-7', 'ACME-8']);
    expect(keysIn('\uFEFFACME-9\u2060')).toEqual(['ACME-9']);
    expect(keysIn('AC\u00ADME-10')).toEqual(['ACME-10']);
    // ...and cannot hide a word boundary either.
    expect(keysIn('x\u200BACME-1 ACME-2\u200By')).toEqual([]);
  });

  it('de-duplicates across texts, keeping the first appearance', () => {
    expect(keysIn('ACME-2 ACME-1', null, '', undefined, 'ACME-1 ACME-3 ACME-2')).toEqual([
      'ACME-2',
      'ACME-1',
      'ACME-3',
    ]);
  });

  it(`keeps at most ${MAX_KEYS_PER_INVOICE} keys and says it left some out`, () => {
    const many = Array.from({ length: 80 }, (_, n) => `ACME-${n + 1}`).join(' ');
    const scan = extractIssueKeys([many]);
    expect(scan.keys).toHaveLength(MAX_KEYS_PER_INVOICE);
    expect(scan.keys.at(-1)).toBe(`ACME-${MAX_KEYS_PER_INVOICE}`);
    expect(scan.truncated).toBe(true);
    expect(extractIssueKeys([`${many.split(' ').slice(0, 50).join(' ')} ACME-1`]).truncated).toBe(false);
  });

  it('reads at most a bounded amount of text and says so', () => {
    const filler = 'x '.repeat(MAX_SCANNED_CHARACTERS / 2);
    const scan = extractIssueKeys(['ACME-1', filler, 'ACME-2']);
    expect(scan).toEqual({ keys: ['ACME-1'], truncated: true });
  });

  it('handles hostile text fast: 100,000 characters of near-keys, markup, RTL and zero-width characters', () => {
    const hostile = [
      'A'.repeat(100_000),
      'ACME-'.repeat(20_000),
      'AB-1A'.repeat(20_000),
      '\u200B\u200F'.repeat(50_000),
      '<a href="x">'.repeat(8_000),
      `${'9'.repeat(99_990)} ACME-5`,
    ];
    const started = performance.now();
    const scan = extractIssueKeys(hostile);
    const elapsed = performance.now() - started;
    expect(scan.keys).toEqual(['ACME-5']);
    expect(elapsed).toBeLessThan(500);
  });

  it('tells whether a whole string is a key', () => {
    expect(isIssueKey('ACME-42')).toBe(true);
    expect(isIssueKey(' ACME-42')).toBe(false);
    expect(isIssueKey('ACME-042')).toBe(false);
    expect(isIssueKey('acme-42')).toBe(false);
  });
});

describe('issue keys in an invoice', () => {
  it('reads memo, PO number, title, subhead and item descriptions, in that order', () => {
    const scan = extractInvoiceIssueKeys({
      title: 'Invoice for ACME-3',
      subhead: 'Phase 2 (ACME-4)',
      poNumber: 'PO ACME-2',
      memo: 'Sprint 14: ACME-1',
      items: [{ description: 'Design ACME-5' }, { description: null }, {}, { description: 'Build ACME-6, ACME-1' }],
    });
    expect(scan).toEqual({ keys: ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-6'], truncated: false });
  });

  it('finds nothing in an invoice without texts', () => {
    expect(extractInvoiceIssueKeys({})).toEqual({ keys: [], truncated: false });
    expect(extractInvoiceIssueKeys({ memo: null, items: null })).toEqual({ keys: [], truncated: false });
  });
});
