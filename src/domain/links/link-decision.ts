/**
 * Which issue links a billing issue should have: one to every work issue its invoice names (that exists and
 * the app may browse), one to the issue its customer is mapped to, none twice, and only the app's own links
 * ever removed.
 */

/** Why the app links the billing issue to another issue. */
export type LinkReason = 'issue-key' | 'customer-mapping';

/** A link of the billing issue as Jira shows it now: its id and the issue at the other end. */
export interface IssueLinkRef {
  linkId: string;
  otherKey: string;
}

/** A link the app made, as stored with the invoice's link record. */
export interface AppMadeLink extends IssueLinkRef {
  reasons: LinkReason[];
}

export interface LinkDecisionInput {
  /** The billing issue itself (a key written on its own invoice is not linked to itself). */
  billingIssueKey: string;
  /** Keys found in the invoice's texts (`extractInvoiceIssueKeys`), in order. */
  keysInInvoice: readonly string[];
  /** The issue the invoice's customer is mapped to in the project settings, if any. */
  customerIssueKey?: string | null;
  /** Of the keys above (and the customer's issue), those of issues that exist and the app may browse. */
  browsableKeys: ReadonlySet<string>;
  /** Every link of the billing issue now, whoever made it. */
  currentLinks: readonly IssueLinkRef[];
  /** The links the app made before (from the invoice's link record). */
  appLinks: readonly AppMadeLink[];
}

export type SkipReason = 'self' | 'not-browsable' | 'linked-by-someone-else';

export interface LinkDecision {
  /** Links to create, in the order the invoice names their issues (the customer's issue last). */
  create: { otherKey: string; reasons: LinkReason[] }[];
  /** App-made links to delete: their issue is no longer named by the invoice nor mapped to its customer. */
  remove: IssueLinkRef[];
  /** App-made links that stay, with their reasons now. */
  keep: AppMadeLink[];
  /** Wanted issues that get no new link, and why. */
  skipped: { otherKey: string; reason: SkipReason }[];
  /** Ids of the links the billing issue had when deciding (to tell the new ones apart afterwards). */
  linkIdsBefore: string[];
}

/**
 * Decides the link changes for one billing issue. Pure: the caller resolves which issues exist and are
 * browsable, reads the issue's current links, and stores `recordAppLinks(...)` afterwards.
 *
 * - Every browsable issue named by the invoice, and the customer's mapped issue, gets one link.
 * - No link is created to an issue the billing issue is already linked to, by anyone, in either direction; an
 *   app-made link beside someone else's link to the same issue is removed (one link per pair).
 * - Decisions for one invoice must not run concurrently (the app serialises work per invoice): two runs that
 *   both create a link would leave two.
 * - An app-made link that Jira no longer shows (deleted by a person, or its issue deleted) is forgotten, and
 *   made again while the invoice still names a browsable issue.
 * - Only app-made links are removed, when the invoice stops naming their issue and it is not the customer's.
 *   A key that is still written but whose issue is no longer browsable keeps its link (the app cannot tell a
 *   moved permission from a deleted issue; Jira drops links of deleted issues itself).
 */
export function decideIssueLinks(input: LinkDecisionInput): LinkDecision {
  const wanted = wantedIssues(input);
  const current = new Map(input.currentLinks.map((link) => [link.linkId, link]));
  const liveAppLinks = input.appLinks.filter((link) => current.has(link.linkId));
  const appLinkIds = new Set(liveAppLinks.map((link) => link.linkId));
  const linkedByOthers = new Set(
    input.currentLinks.filter((link) => !appLinkIds.has(link.linkId)).map((link) => link.otherKey),
  );
  const stillNamed = new Set(input.keysInInvoice);

  const keep: AppMadeLink[] = [];
  const remove: IssueLinkRef[] = [];
  const kept = new Set<string>();
  for (const link of liveAppLinks) {
    const reasons = wanted.get(link.otherKey);
    if (kept.has(link.otherKey) || linkedByOthers.has(link.otherKey))
      remove.push({ linkId: link.linkId, otherKey: link.otherKey });
    else if (reasons) {
      keep.push({ ...link, reasons });
      kept.add(link.otherKey);
    } else if (stillNamed.has(link.otherKey) && link.otherKey !== input.billingIssueKey) {
      keep.push(link);
      kept.add(link.otherKey);
    } else remove.push({ linkId: link.linkId, otherKey: link.otherKey });
  }

  const create: LinkDecision['create'] = [];
  const skipped: LinkDecision['skipped'] = [];
  for (const [otherKey, reasons] of wanted) {
    if (kept.has(otherKey)) continue;
    if (linkedByOthers.has(otherKey)) skipped.push({ otherKey, reason: 'linked-by-someone-else' });
    else create.push({ otherKey, reasons });
  }
  for (const key of input.keysInInvoice) {
    if (key === input.billingIssueKey) skipped.push({ otherKey: key, reason: 'self' });
    else if (!input.browsableKeys.has(key)) skipped.push({ otherKey: key, reason: 'not-browsable' });
  }
  const customer = input.customerIssueKey;
  if (customer && customer !== input.billingIssueKey && !input.browsableKeys.has(customer))
    skipped.push({ otherKey: customer, reason: 'not-browsable' });
  return { create, remove, keep, skipped, linkIdsBefore: [...current.keys()] };
}

/**
 * The app-made links to store after applying a decision: those kept, and for each created one the link to
 * its issue that appeared since the decision (Jira's create answers no id). A link that did not appear (its
 * creation failed) is not recorded, so the next decision creates it again.
 */
export function recordAppLinks(decision: LinkDecision, linksNow: readonly IssueLinkRef[]): AppMadeLink[] {
  const before = new Set(decision.linkIdsBefore);
  const present = new Set(linksNow.map((link) => link.linkId));
  const records = decision.keep.filter((link) => present.has(link.linkId));
  for (const created of decision.create) {
    const link = linksNow.find((candidate) => candidate.otherKey === created.otherKey && !before.has(candidate.linkId));
    if (link) records.push({ linkId: link.linkId, otherKey: link.otherKey, reasons: created.reasons });
  }
  return records;
}

/** Issue key → why the app wants a link to it: named and browsable, or the customer's mapped issue. */
function wantedIssues(input: LinkDecisionInput): Map<string, LinkReason[]> {
  const wanted = new Map<string, LinkReason[]>();
  const want = (key: string, reason: LinkReason) => {
    if (key === input.billingIssueKey || !input.browsableKeys.has(key)) return;
    wanted.set(key, [...(wanted.get(key) ?? []), reason]);
  };
  for (const key of new Set(input.keysInInvoice)) want(key, 'issue-key');
  if (input.customerIssueKey) want(input.customerIssueKey, 'customer-mapping');
  return wanted;
}
