/** The small page the Wave OAuth callback answers with: it worked, or why not and what to do. */

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface OAuthResultPage {
  ok: boolean;
  title: string;
  detail: string;
}

export function oauthResultPage(page: OAuthResultPage): string {
  const colour = page.ok ? '#216e4e' : '#ae2e24';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(page.title)}</title>
<style>
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#172b4d;background:#fff}
@media (prefers-color-scheme: dark){body{color:#dee4ea;background:#1d2125}}
h1{font-size:1.5rem;color:${colour}}
</style>
</head>
<body>
<main>
<h1 data-testid="oauth-result" data-ok="${page.ok ? 'true' : 'false'}">${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.detail)}</p>
<p>You can close this tab and return to the app's page in Jira.</p>
</main>
</body>
</html>`;
}
