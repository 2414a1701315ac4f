/** The header that carries the signature, lower-cased (web trigger headers arrive as sent). */
export const WAVE_SIGNATURE_HEADER = 'x-wave-signature';

/** Wave sends the signing time here too; with the bare signature form it is the only freshness signal. */
export const WAVE_TIMESTAMP_HEADER = 'x-wave-timestamp';

/** How far a signature's timestamp may be from now, either way, before the delivery is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Forge's 5 MB invocation payload limit: a larger body cannot reach a web trigger intact. */
export const WAVE_WEBHOOK_MAX_BODY_BYTES = 5_000_000;

/** The longest id (event, business, invoice, customer, payment) the app accepts: Wave's are far shorter. */
export const MAX_ID_LENGTH = 256;
