import { planWebhooks, type ListedWebhook, type WantedWebhook } from '../../src/domain/keeper/webhook-plan';

const DAY = 24 * 3_600_000;
const NOW = Date.UTC(2026, 5, 1);
const WANTED: WantedWebhook = {
  url: 'https://app.example/jira?token=t1',
  events: ['jira:issue_updated', 'jira:issue_deleted'],
  jqlFilter: 'project in (BILL)',
};
const listed = (id: number, daysLeft: number, changes: Partial<ListedWebhook> = {}): ListedWebhook => ({
  id,
  url: WANTED.url,
  events: ['jira:issue_deleted', 'jira:issue_updated'],
  jqlFilter: WANTED.jqlFilter,
  expirationDate: NOW + daysLeft * DAY,
  ...changes,
});

describe("planning the app's Jira webhooks", () => {
  it('registers one when none is listed', () => {
    expect(planWebhooks([], WANTED, NOW, 23 * DAY)).toEqual({ remove: [], register: true, refresh: [] });
  });

  it('keeps the longest-lived match, removes duplicates and outdated definitions', () => {
    const plan = planWebhooks(
      [
        listed(1, 10),
        listed(2, 25),
        listed(3, 29, { jqlFilter: 'project in (OPS)' }),
        listed(4, 29, { url: 'https://app.example/jira?token=old' }),
      ],
      WANTED,
      NOW,
      23 * DAY,
    );
    expect(plan.keep?.id).toBe(2);
    expect(plan.remove.sort()).toEqual([1, 3, 4]);
    expect(plan).toMatchObject({ register: false, refresh: [] });
  });

  it('refreshes once a week: when 23 days or fewer are left', () => {
    expect(planWebhooks([listed(1, 24)], WANTED, NOW, 23 * DAY).refresh).toEqual([]);
    expect(planWebhooks([listed(1, 23)], WANTED, NOW, 23 * DAY).refresh).toEqual([1]);
  });

  it('removes every webhook when none is wanted (disconnected)', () => {
    expect(planWebhooks([listed(1, 20), listed(2, 20)], null, NOW, 23 * DAY)).toEqual({
      remove: [1, 2],
      register: false,
      refresh: [],
    });
  });
});
