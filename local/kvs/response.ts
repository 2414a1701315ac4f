/** What `LocalKvs.handle` answers: an HTTP status and, unless it is 204, a JSON body. */
export interface KvsResponse {
  status: number;
  body?: unknown;
}

export const ok = (body: unknown): KvsResponse => ({ status: 200, body });
export const noContent: KvsResponse = { status: 204 };
