import { WaveEnvelopeError } from './envelope-error';
import { parseFullEnvelope } from './full-envelope';
import type { WaveEvent } from './types';
import { parseWaveDelivery } from './wave-delivery';

/** `wave`: Wave's own snake_case delivery (a prompt to re-read). `full`: the product brief's full-object envelope. */
export type DeliveryFormat = 'wave' | 'full';

export interface ParsedDelivery {
  format: DeliveryFormat;
  event: WaveEvent;
}

/** The body as a JSON object, or the 400 that says why it is not one. */
export function readJsonObject(rawBody: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new WaveEnvelopeError('not_json', 'the body is not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WaveEnvelopeError('not_object', 'the body must be a JSON object');
  }
  return json as Record<string, unknown>;
}

/** Wave's own deliveries name their event in `event_type`; the full envelope in `type`. */
export function detectFormat(json: Record<string, unknown>): DeliveryFormat {
  return 'event_type' in json || 'event_id' in json ? 'wave' : 'full';
}

/**
 * Reads a delivery in either format into the one domain event the sync understands. `receivedAt` (ISO) stands
 * in for the time of a Wave delivery, which carries none of its own. Throws WaveEnvelopeError (400/422).
 */
export function parseDelivery(rawBody: string, receivedAt: string): ParsedDelivery {
  const json = readJsonObject(rawBody);
  const format = detectFormat(json);
  return { format, event: format === 'wave' ? parseWaveDelivery(json, receivedAt) : parseFullEnvelope(json) };
}

/** The full envelope from its raw body (tests and tools that speak only that format). */
export function parseWaveEnvelope(rawBody: string): WaveEvent {
  return parseFullEnvelope(readJsonObject(rawBody));
}
