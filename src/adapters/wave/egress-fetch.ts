import { fetch as forgeFetch, type APIResponse, type RequestInit } from '@forge/api';

/** Outbound HTTP to Wave. Forge routes `@forge/api`'s fetch through its egress proxy; tests pass their own. */
export type EgressFetch = (url: string, init?: RequestInit) => Promise<APIResponse>;

export const defaultEgressFetch: EgressFetch = (url, init) => forgeFetch(url, init);
