import type { FetchFunction } from './forge-globals';

/** Wave's hosts; the app reaches them through the Wave sandbox unless real Wave is configured. */
const WAVE_HOSTS: readonly string[] = ['gql.waveapps.com', 'api.waveapps.com'];

export interface EgressOptions {
  /** `permissions.external.fetch.backend` addresses from the manifest. */
  allowed: readonly string[];
  /** Base URL of the Wave sandbox (`http://127.0.0.1:PORT/wave`), or undefined to reach real Wave. */
  waveSandboxUrl: () => string | undefined;
  fetch: FetchFunction;
}

/** Forge's error for a host the manifest does not declare (`@forge/api` ExternalEndpointNotAllowedError). */
export class EgressNotAllowedError extends Error {
  readonly status = 403;

  constructor(url: string) {
    super(
      `URL not included in the external fetch backend permissions: ${url}. Visit go.atlassian.com/forge-egress for more information.`,
    );
    this.name = 'REQUEST_EGRESS_ALLOWLIST_ERR';
  }
}

/** The app's `fetch` during an invocation: declared hosts only, Wave routed to its sandbox. */
export function createEgressFetch(options: EgressOptions): FetchFunction {
  const rules = options.allowed.map(parseAddress);
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!rules.some((rule) => rule(url))) throw new EgressNotAllowedError(`${url.origin}${url.pathname}`);
    const sandbox = WAVE_HOSTS.includes(url.hostname) ? options.waveSandboxUrl() : undefined;
    if (sandbox === undefined) return options.fetch(input, init);
    const routed = `${sandbox}${url.pathname}${url.search}`;
    return options.fetch(input instanceof Request ? new Request(routed, input) : routed, init);
  };
}

/**
 * One manifest address: `https://host`, `host`, `*.host` or `https://*.host`, optionally with a port.
 * Without a scheme both http and https match.
 */
function parseAddress(address: string): (url: URL) => boolean {
  const match = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/:]+)(?::(\d+))?/i.exec(address.trim());
  if (!match) return () => false;
  const [, scheme, hostPattern = '', port] = match;
  const host = hostPattern.toLowerCase();
  return (url) => {
    if (scheme && url.protocol !== `${scheme.toLowerCase()}:`) return false;
    if (port && url.port !== port) return false;
    const hostname = url.hostname.toLowerCase();
    return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
  };
}
