/** The tiny consent page of GET /wave/oauth2/authorize/. Every value is HTML-escaped. */

export interface ConsentPageInput {
  businessName: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
}

export function consentPage(input: ConsentPageInput): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const scopes = input.scope
    .split(' ')
    .filter(Boolean)
    .map((scope) => `<li><code>${escapeHtml(scope)}</code></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Authorize access to Wave (sandbox)</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;line-height:1.5}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:.5rem}</style></head>
<body>
<h1>Wave sandbox</h1>
<p>The application <strong>${escapeHtml(input.clientId)}</strong> asks for access to <strong>${escapeHtml(input.businessName)}</strong>:</p>
<ul>${scopes}</ul>
<form method="post" action="">
${hidden('client_id', input.clientId)}
${hidden('redirect_uri', input.redirectUri)}
${hidden('scope', input.scope)}
${hidden('state', input.state)}
${hidden('response_type', 'code')}
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>
</body>
</html>`;
}

export function errorPage(message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorization error</title></head><body><h1>Authorization error</h1><p>${escapeHtml(message)}</p></body></html>`;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
