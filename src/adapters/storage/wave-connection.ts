import { kvs } from './kvs';
import { storageKeys } from './keys';

export type WaveConnectionState = 'not-connected' | 'connected' | 'reconnect-needed';

export interface WaveConnection {
  state: WaveConnectionState;
  updatedAt?: number;
  /** When Wave was first connected: the five-minute poll starts from there (older history is the import's job). */
  connectedAt?: number;
  /** Why an admin has to reconnect; safe to show (never a token or Wave's raw answer). */
  reason?: string;
}

export async function getWaveConnection(): Promise<WaveConnection> {
  return (await kvs.get<WaveConnection>(storageKeys.waveConnection())) ?? { state: 'not-connected' };
}

export async function markWaveConnected(now: number = Date.now()): Promise<void> {
  const previous = await getWaveConnection();
  await kvs.set<WaveConnection>(storageKeys.waveConnection(), {
    state: 'connected',
    updatedAt: now,
    connectedAt: previous.connectedAt ?? now,
  });
}

export async function markWaveReconnectNeeded(reason: string, now: number = Date.now()): Promise<void> {
  const { connectedAt } = await getWaveConnection();
  await kvs.set<WaveConnection>(storageKeys.waveConnection(), {
    state: 'reconnect-needed',
    updatedAt: now,
    reason,
    ...(connectedAt !== undefined ? { connectedAt } : {}),
  });
}

/** Forgets the connection (Wave disconnected by an admin): the page shows "not connected" again. */
export async function forgetWaveConnection(): Promise<void> {
  await kvs.delete(storageKeys.waveConnection());
}
