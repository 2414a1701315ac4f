import { route } from '@forge/api';
import { NotConfiguredError } from '../../shared/errors';
import type { JiraClient } from './jira-client';

/** The `jira:customField` module keys in manifest.yml. */
export const APP_FIELD_KEYS = [
  'wave-invoice-number',
  'wave-customer',
  'wave-amount',
  'wave-amount-due',
  'wave-amount-paid',
  'wave-outstanding',
  'wave-overdue',
  'wave-currency',
  'wave-status',
  'wave-due-date',
  'wave-link',
  'wave-id',
] as const;
export type AppFieldKey = (typeof APP_FIELD_KEYS)[number];
export type AppFieldIds = Record<AppFieldKey, string>;
/** string fields take strings, the amounts numbers, `wave-due-date` "YYYY-MM-DD"; null clears. */
export type AppFieldValues = Partial<Record<AppFieldKey, string | number | null>>;

interface FieldDetails {
  id: string;
  schema?: { custom?: string };
}

/** Field ids never change for an installation: one lookup per process. */
let cachedIds: Promise<AppFieldIds> | undefined;

export function clearAppFieldIdCache(): void {
  cachedIds = undefined;
}

async function discoverAppFieldIds(jira: JiraClient): Promise<AppFieldIds> {
  const fields = await jira.request<FieldDetails[]>('GET', route`/rest/api/3/field`);
  const ids: Partial<AppFieldIds> = {};
  for (const key of APP_FIELD_KEYS) {
    // A Forge field's schema.custom is `ari:cloud:ecosystem::extension/<app>/<env>/static/<moduleKey>`.
    const field = fields.find((candidate) => candidate.schema?.custom?.endsWith(`/static/${key}`));
    if (field) ids[key] = field.id;
  }
  const missing = APP_FIELD_KEYS.filter((key) => ids[key] === undefined);
  if (missing.length)
    throw new NotConfiguredError(
      `Jira does not show the app's custom fields yet (${missing.join(', ')}); reinstall or wait for the installation to finish`,
    );
  return ids as AppFieldIds;
}

export async function getAppFieldIds(jira: JiraClient): Promise<AppFieldIds> {
  cachedIds ??= discoverAppFieldIds(jira);
  try {
    return await cachedIds;
  } catch (error) {
    cachedIds = undefined;
    throw error;
  }
}

/** Writes several app fields on several issues in one request. */
export async function setAppFieldValues(jira: JiraClient, issueIds: string[], values: AppFieldValues): Promise<void> {
  const entries = Object.entries(values) as Array<[AppFieldKey, string | number | null]>;
  if (issueIds.length === 0 || entries.length === 0) return;
  const ids = await getAppFieldIds(jira);
  const updates = entries.map(([key, value]) => ({ customField: ids[key], issueIds: issueIds.map(Number), value }));
  await jira.request<void>('POST', route`/rest/api/3/app/field/value`, { body: { updates }, idempotent: true });
}
