import { getWebhookVerificationSecrets, secretsStatus } from '../../../adapters/storage/secrets';
import type { SigningSecretView } from '../api';

const HINT_LENGTH = 4;

/** Whether a signing secret is set and when it changed; of the secret itself only its last 4 characters. */
export async function signingSecretView(now: number = Date.now()): Promise<SigningSecretView> {
  const [status, secrets] = await Promise.all([secretsStatus(), getWebhookVerificationSecrets(now)]);
  const current = secrets[0];
  const previousStillValid =
    status.previousSigningSecretValidUntil !== undefined && status.previousSigningSecretValidUntil > now;
  return {
    set: status.webhookSigningSecretSet,
    ...(current ? { hint: current.slice(-HINT_LENGTH) } : {}),
    ...(status.webhookSigningRotatedAt !== undefined ? { rotatedAt: status.webhookSigningRotatedAt } : {}),
    ...(previousStillValid ? { previousValidUntil: status.previousSigningSecretValidUntil } : {}),
  };
}
