import type Resolver from '@forge/resolver';
import * as v from 'valibot';
import { strictObject } from '../../../shared/validation';
import { rotateWebhookSigningSecret } from '../../../adapters/storage/secrets';
import type { WebhookSettingsView } from '../api';
import { define } from '../core/define';
import { noInput, wholeNumberSchema } from '../core/schemas';
import { WEB_TRIGGER_KEYS, webTriggerUrl } from '../../../adapters/forge/web-triggers';
import { signingSecretView } from './signing-secret-view';
import { sendTestEvent } from './test-event';

const HOUR_MS = 60 * 60_000;
export const MAX_GRACE_HOURS = 7 * 24;

const rotateInput = strictObject({
  secret: v.pipe(
    v.string('enter a signing secret'),
    v.minLength(16, 'must have at least 16 characters; use "Generate" for a strong one'),
    v.maxLength(256, 'must have at most 256 characters'),
    v.regex(/^[\x21-\x7e]+$/, 'may contain only visible ASCII characters, no spaces'),
  ),
  graceHours: wholeNumberSchema({
    notANumber: 'enter a number of hours',
    notWhole: 'must be whole hours',
    min: 0,
    belowMin: 'cannot be negative',
    max: MAX_GRACE_HOURS,
    aboveMax: `must be at most ${MAX_GRACE_HOURS} hours (7 days)`,
  }),
});

async function webhookSettings(now: number): Promise<WebhookSettingsView> {
  const [webhookUrl, signing] = await Promise.all([
    webTriggerUrl(WEB_TRIGGER_KEYS.waveWebhook),
    signingSecretView(now),
  ]);
  return { webhookUrl, signing, serverNow: now };
}

/** The Webhooks section of the admin page. */
export function defineWebhooks(resolver: Resolver): void {
  define(resolver, 'getWebhookSettings', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { budget }) => webhookSettings(budget.now()),
  });

  define(resolver, 'rotateSigningSecret', {
    access: 'jira-admin',
    input: rotateInput,
    handle: async (input, { budget }) => {
      await rotateWebhookSigningSecret(input.secret, { now: budget.now(), graceMs: input.graceHours * HOUR_MS });
      return webhookSettings(budget.now());
    },
  });

  define(resolver, 'sendTestEvent', {
    access: 'jira-admin',
    input: noInput,
    handle: (_input, { budget }) => sendTestEvent(budget.now()),
  });
}
