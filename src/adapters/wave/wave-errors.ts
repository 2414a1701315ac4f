import { NotConfiguredError, UpstreamError } from '../../shared/errors';

/** Wave refused the stored grant (revoked, expired, rotated away): an admin must connect Wave again. */
export class WaveReconnectNeededError extends NotConfiguredError {
  constructor(message = "Wave no longer accepts the app's authorisation; reconnect Wave on the admin page") {
    super(message);
  }
}

/** Wave's schema refused a query the app sent (e.g. an argument it does not have): a fallback may help. */
export class WaveQueryNotSupportedError extends UpstreamError {}
