import { ForgeKvsAPIError, type Ttl } from '@forge/kvs';
import { kvs } from './kvs';

/**
 * Forge does not document the code of a refused `FAIL_IF_EXISTS` write; it is a 409-style
 * conflict. Accept the codes and statuses that can mean "already there".
 */
export function isKeyExistsError(error: unknown): boolean {
  if (!(error instanceof ForgeKvsAPIError)) return false;
  if (error.responseDetails.status === 409 || error.responseDetails.status === 412) return true;
  return /EXIST|CONFLICT|CONDITION/i.test(error.code);
}

/** Create-only write: true if this call created the key, false if it already existed. */
export async function setIfAbsent<T>(key: string, value: T, ttl?: Ttl): Promise<boolean> {
  try {
    await kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...(ttl ? { ttl } : {}) });
    return true;
  } catch (error) {
    if (isKeyExistsError(error)) return false;
    throw error;
  }
}
