/** What `LocalKvs.handle` answers: an HTTP status and, unless it is 204, a JSON body. */
export interface KvsResponse {
  status: number;
  body?: unknown;
  /** The body already serialized (reads are, to be charged by size). */
  json?: string;
}

export const ok = (body: unknown): KvsResponse => ({ status: 200, body });
export const noContent: KvsResponse = { status: 204 };
