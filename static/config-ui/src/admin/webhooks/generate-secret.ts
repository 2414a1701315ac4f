/** 32 random bytes, base64url, with a prefix that says what it is. Made in the browser: the server never returns secrets. */
export function generateSigningSecret(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  const base64 = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `whsec_${base64}`;
}
