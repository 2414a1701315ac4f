import {
  decideIssueLinks,
  recordAppLinks,
  type AppMadeLink,
  type IssueLinkRef,
  type LinkDecisionInput,
} from '../../../src/domain/links';

const BILL = 'BILL-1';

function input(overrides: Partial<LinkDecisionInput> = {}): LinkDecisionInput {
  return {
    billingIssueKey: BILL,
    keysInInvoice: [],
    customerIssueKey: null,
    browsableKeys: new Set(),
    currentLinks: [],
    appLinks: [],
    ...overrides,
  };
}

const appLink = (linkId: string, otherKey: string, reasons: AppMadeLink['reasons'] = ['issue-key']): AppMadeLink => ({
  linkId,
  otherKey,
  reasons,
});
const link = (linkId: string, otherKey: string): IssueLinkRef => ({ linkId, otherKey });

describe('deciding the links of a billing issue', () => {
  it('links every browsable issue the invoice names, in order', () => {
    const decision = decideIssueLinks(
      input({ keysInInvoice: ['ACME-2', 'ACME-1'], browsableKeys: new Set(['ACME-1', 'ACME-2']) }),
    );
    expect(decision.create).toEqual([
      { otherKey: 'ACME-2', reasons: ['issue-key'] },
      { otherKey: 'ACME-1', reasons: ['issue-key'] },
    ]);
    expect(decision.remove).toEqual([]);
    expect(decision.skipped).toEqual([]);
  });

  it('skips keys of issues that do not exist or the app may not browse, and the billing issue itself', () => {
    const decision = decideIssueLinks(
      input({ keysInInvoice: ['ACME-1', 'SECRET-1', 'NOPE-9', BILL], browsableKeys: new Set(['ACME-1', BILL]) }),
    );
    expect(decision.create).toEqual([{ otherKey: 'ACME-1', reasons: ['issue-key'] }]);
    expect(decision.skipped).toEqual([
      { otherKey: 'SECRET-1', reason: 'not-browsable' },
      { otherKey: 'NOPE-9', reason: 'not-browsable' },
      { otherKey: BILL, reason: 'self' },
    ]);
  });

  it('never makes a second link: already app-linked issues are kept, not created again', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1', 'ACME-2'],
        browsableKeys: new Set(['ACME-1', 'ACME-2']),
        currentLinks: [link('10', 'ACME-1')],
        appLinks: [appLink('10', 'ACME-1')],
      }),
    );
    expect(decision.keep).toEqual([appLink('10', 'ACME-1')]);
    expect(decision.create).toEqual([{ otherKey: 'ACME-2', reasons: ['issue-key'] }]);
  });

  it('does not link an issue someone else already linked, whatever the direction or type', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(['ACME-1']),
        currentLinks: [link('20', 'ACME-1')],
      }),
    );
    expect(decision.create).toEqual([]);
    expect(decision.skipped).toEqual([{ otherKey: 'ACME-1', reason: 'linked-by-someone-else' }]);
  });

  it('removes the app-made link when the key disappears from the invoice, never a person-made one', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-2'],
        browsableKeys: new Set(['ACME-2']),
        currentLinks: [link('10', 'ACME-1'), link('11', 'ACME-2'), link('20', 'OPS-5')],
        appLinks: [appLink('10', 'ACME-1'), appLink('11', 'ACME-2')],
      }),
    );
    expect(decision.remove).toEqual([link('10', 'ACME-1')]);
    expect(decision.keep).toEqual([appLink('11', 'ACME-2')]);
    expect(decision.create).toEqual([]);
  });

  it('keeps the link of a key still written whose issue the app can no longer see', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(),
        currentLinks: [link('10', 'ACME-1')],
        appLinks: [appLink('10', 'ACME-1')],
      }),
    );
    expect(decision.remove).toEqual([]);
    expect(decision.keep).toEqual([appLink('10', 'ACME-1')]);
  });

  it('links the issue the customer is mapped to, once, even when the invoice also names it', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1', 'EPIC-7'],
        customerIssueKey: 'EPIC-7',
        browsableKeys: new Set(['ACME-1', 'EPIC-7']),
      }),
    );
    expect(decision.create).toEqual([
      { otherKey: 'ACME-1', reasons: ['issue-key'] },
      { otherKey: 'EPIC-7', reasons: ['issue-key', 'customer-mapping'] },
    ]);
  });

  it('keeps the customer link when its key leaves the invoice, and removes it when the mapping changes', () => {
    const links = {
      currentLinks: [link('30', 'EPIC-7')],
      appLinks: [appLink('30', 'EPIC-7', ['issue-key', 'customer-mapping'])],
    };
    const stillMapped = decideIssueLinks(
      input({ ...links, customerIssueKey: 'EPIC-7', browsableKeys: new Set(['EPIC-7']) }),
    );
    expect(stillMapped.keep).toEqual([appLink('30', 'EPIC-7', ['customer-mapping'])]);
    const remapped = decideIssueLinks(
      input({ ...links, customerIssueKey: 'EPIC-8', browsableKeys: new Set(['EPIC-7', 'EPIC-8']) }),
    );
    expect(remapped.remove).toEqual([link('30', 'EPIC-7')]);
    expect(remapped.create).toEqual([{ otherKey: 'EPIC-8', reasons: ['customer-mapping'] }]);
  });

  it('reports a mapped customer issue the app cannot see', () => {
    const decision = decideIssueLinks(input({ customerIssueKey: 'EPIC-7' }));
    expect(decision.create).toEqual([]);
    expect(decision.skipped).toEqual([{ otherKey: 'EPIC-7', reason: 'not-browsable' }]);
  });

  it('forgets app-made links Jira no longer shows, and makes them again while the invoice names the issue', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(['ACME-1']),
        currentLinks: [],
        appLinks: [appLink('10', 'ACME-1'), appLink('11', 'ACME-9')],
      }),
    );
    expect(decision.keep).toEqual([]);
    expect(decision.remove).toEqual([]);
    expect(decision.create).toEqual([{ otherKey: 'ACME-1', reasons: ['issue-key'] }]);
  });

  it('collapses duplicates to one link per pair', () => {
    const twoAppLinks = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(['ACME-1']),
        currentLinks: [link('10', 'ACME-1'), link('11', 'ACME-1')],
        appLinks: [appLink('10', 'ACME-1'), appLink('11', 'ACME-1')],
      }),
    );
    expect(twoAppLinks.keep).toEqual([appLink('10', 'ACME-1')]);
    expect(twoAppLinks.remove).toEqual([link('11', 'ACME-1')]);
    const besideAPersonsLink = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(['ACME-1']),
        currentLinks: [link('10', 'ACME-1'), link('20', 'ACME-1')],
        appLinks: [appLink('10', 'ACME-1')],
      }),
    );
    expect(besideAPersonsLink.remove).toEqual([link('10', 'ACME-1')]);
    expect(besideAPersonsLink.create).toEqual([]);
  });

  it('is stable: applying a decision and deciding again changes nothing', () => {
    const first = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1', 'ACME-2'],
        browsableKeys: new Set(['ACME-1', 'ACME-2']),
        customerIssueKey: 'ACME-2',
      }),
    );
    const linksNow = [link('40', 'ACME-1'), link('41', 'ACME-2')];
    const appLinks = recordAppLinks(first, linksNow);
    const second = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1', 'ACME-2'],
        browsableKeys: new Set(['ACME-1', 'ACME-2']),
        customerIssueKey: 'ACME-2',
        currentLinks: linksNow,
        appLinks,
      }),
    );
    expect(second.create).toEqual([]);
    expect(second.remove).toEqual([]);
    expect(second.keep).toEqual(appLinks);
  });
});

describe('recording the app-made links after applying a decision', () => {
  it('records the kept links and the links that appeared for created ones, not a person-made one', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1', 'ACME-2', 'ACME-3'],
        browsableKeys: new Set(['ACME-1', 'ACME-2', 'ACME-3']),
        currentLinks: [link('10', 'ACME-1'), link('20', 'OPS-5')],
        appLinks: [appLink('10', 'ACME-1')],
      }),
    );
    const after = [link('10', 'ACME-1'), link('20', 'OPS-5'), link('50', 'ACME-2')];
    // ACME-3's link failed to be created: not recorded, so the next decision creates it again.
    expect(recordAppLinks(decision, after)).toEqual([appLink('10', 'ACME-1'), appLink('50', 'ACME-2')]);
  });

  it('drops a kept link that disappeared while the decision was applied', () => {
    const decision = decideIssueLinks(
      input({
        keysInInvoice: ['ACME-1'],
        browsableKeys: new Set(['ACME-1']),
        currentLinks: [link('10', 'ACME-1')],
        appLinks: [appLink('10', 'ACME-1')],
      }),
    );
    expect(recordAppLinks(decision, [])).toEqual([]);
  });
});
