/** Forge's web trigger request and response shapes (`response: {type: dynamic}`). */
export interface WebTriggerRequest {
  method: string;
  body?: string;
  path?: string;
  headers?: Record<string, string[] | undefined>;
  queryParameters?: Record<string, string[] | undefined>;
}

export interface WebTriggerResponse {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

/** Header names arrive as the sender wrote them: look them up case-insensitively. */
export function headerValue(request: WebTriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, values] of Object.entries(request.headers ?? {})) {
    if (key.toLowerCase() === wanted && values && values.length > 0) return values.join(',');
  }
  return undefined;
}

export function jsonResponse(
  statusCode: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): WebTriggerResponse {
  const headers: Record<string, string[]> = { 'Content-Type': ['application/json'] };
  for (const [name, value] of Object.entries(extraHeaders)) headers[name] = [value];
  return { statusCode, headers, body: JSON.stringify(body) };
}

export function htmlResponse(statusCode: number, html: string): WebTriggerResponse {
  return { statusCode, headers: { 'Content-Type': ['text/html; charset=utf-8'] }, body: html };
}
