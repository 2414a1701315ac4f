import { NotConfiguredError, NotFoundError, UpstreamError } from '../../shared/errors';

/** Wave refused the stored grant (revoked, expired, rotated away): an admin must connect Wave again. */
export class WaveReconnectNeededError extends NotConfiguredError {
  constructor(message = "Wave no longer accepts the app's authorisation; reconnect Wave on the admin page") {
    super(message);
  }
}

/** Wave's schema refused a query the app sent (e.g. an argument it does not have): a fallback may help. */
export class WaveQueryNotSupportedError extends UpstreamError {}

/** The app's Wave connection cannot read this business (another business's webhook, or access removed). */
export class WaveBusinessNotReadableError extends NotFoundError {
  constructor(readonly businessId: string) {
    super(
      "the app's Wave connection cannot read this business; connect it on the admin page, or remove its webhook in Wave",
    );
  }
}
