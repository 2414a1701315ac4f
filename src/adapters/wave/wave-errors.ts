import { NotConfiguredError } from '../../shared/errors';

/** Wave refused the stored grant (revoked, expired, rotated away): an admin must connect Wave again. */
export class WaveReconnectNeededError extends NotConfiguredError {
  constructor(message = 'Wave no longer accepts the app\'s authorisation; reconnect Wave on the admin page') {
    super(message);
  }
}
