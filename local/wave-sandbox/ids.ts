/**
 * Wave-like global ids: base64 of "Business:<uuid>;<Kind>:<n>". Plain ASCII names like these only
 * ever produce `=` padding; records seeded with an import tag (bytes like `~?>`) also get `+` and `/`,
 * so the app's KVS key encoding is exercised on every character base64 can produce.
 */
export type WaveIdKind = 'Invoice' | 'Customer' | 'Payment';

export function businessGlobalId(businessUuid: string): string {
  return base64(`Business:${businessUuid}`);
}

export function userGlobalId(userUuid: string): string {
  return base64(`User:${userUuid}`);
}

export function resourceGlobalId(businessUuid: string, kind: WaveIdKind, n: number, importTag?: string): string {
  const suffix = importTag === undefined ? '' : `;Import:${importTag}`;
  return base64(`Business:${businessUuid};${kind}:${n}${suffix}`);
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Wave's web app links use the business uuid and the invoice's numeric id, never the base64 id. */
export function invoiceUrls(businessUuid: string, n: number): { viewUrl: string; pdfUrl: string } {
  const base = `https://next.waveapps.com/${businessUuid}/invoices/${n}`;
  return { viewUrl: base, pdfUrl: `${base}/pdf` };
}
