import { kvs } from '@forge/kvs';
import { storageKeys } from '../../../adapters/storage/keys';
import { deleteWaveTokens } from '../../../adapters/storage/secrets';

/** Forgets Wave's tokens and the connection state; the OAuth client stays for reconnecting. */
export async function disconnectWave(): Promise<void> {
  await deleteWaveTokens();
  await kvs.delete(storageKeys.waveConnection());
}
