import type { WaveCustomer, WaveInvoice } from '../../domain/wave-webhook/types';
import { NotFoundError, UpstreamError } from '../../shared/errors';
import { parseRetryAfterMs, withRetries, type AttemptResult, type RetryPolicy } from '../../shared/retry';
import type { TimeBudget } from '../../shared/time-budget';
import { markWaveReconnectNeeded } from '../storage/wave-connection';
import { defaultEgressFetch, type EgressFetch } from './egress-fetch';
import { GraphqlResponseError, postGraphql } from './graphql-post';
import { WaveBusinessNotReadableError, WaveQueryNotSupportedError, WaveReconnectNeededError } from './wave-errors';
import { mapBusiness, mapCustomer, mapInvoice, type WaveBusiness } from './wave-mapping';
import {
  GET_CUSTOMER,
  GET_INVOICE,
  LIST_BUSINESSES,
  LIST_CUSTOMERS,
  LIST_CUSTOMERS_NEWEST_FIRST,
  LIST_INVOICES,
  LIST_INVOICES_NEWEST_FIRST,
  PROBE_CHANGES,
} from './wave-queries';
import type { WaveAccessTokens } from './wave-tokens';

export const WAVE_GRAPHQL_ENDPOINT = 'https://gql.waveapps.com/graphql/public';
/** Time kept to answer the caller after a request that had to be cut short. */
const ANSWER_RESERVE_MS = 1_000;

export interface InvoiceWithCustomer {
  invoice: WaveInvoice;
  customer: WaveCustomer | null;
}

/** The poll's look at a business: what changed last, newest first. */
export interface ChangesProbe {
  businessName?: string;
  invoices: WavePage<WaveInvoice>;
  customers: WavePage<WaveCustomer>;
}

export interface WavePage<T> {
  items: T[];
  currentPage: number;
  totalPages: number;
  totalCount?: number;
}

export interface WaveListOptions {
  businessId: string;
  /** ISO timestamp: only objects modified after it (oldest first). */
  modifiedAtAfter?: string;
  /** Newest change first, without the `modifiedAtAfter` filter (for a Wave that refuses it). */
  newestFirst?: boolean;
  page?: number;
  pageSize?: number;
}

export interface WaveGraphqlOptions {
  tokens: WaveAccessTokens;
  budget: TimeBudget;
  fetch?: EgressFetch;
  endpoint?: string;
  policy?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

type Failure =
  | { kind: 'unauthenticated' }
  | { kind: 'transient'; reason: string; retryAfterMs?: number }
  /** Wave answered with partial data: what exists is there, what does not is null. */
  | { kind: 'not-found'; partialData: unknown }
  | { kind: 'fatal'; error: Error };

interface Connection {
  pageInfo?: { currentPage?: number | null; totalPages?: number | null; totalCount?: number | null };
  edges?: Array<{ node?: unknown }>;
}

function classify(error: unknown, nowMs: number): Failure {
  if (!(error instanceof GraphqlResponseError)) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind: 'transient', reason: timedOut ? 'no answer in time' : 'network error' };
  }
  const { status, errors } = error;
  const codes = errors.map((e) => e.extensions?.code);
  if (status === 401 || codes.includes('UNAUTHENTICATED')) return { kind: 'unauthenticated' };
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfterMs(error.retryAfter, nowMs);
    return { kind: 'transient', reason: `HTTP ${status}`, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (codes.includes('NOT_FOUND')) return { kind: 'not-found', partialData: error.data };
  // Wave's messages describe the query, never the token; keep only the first for the admin.
  const detail = errors[0]?.message ?? `HTTP ${status}`;
  const message = `Wave refused the request: ${detail.slice(0, 200)}`;
  if (codes.includes('GRAPHQL_VALIDATION_FAILED'))
    return { kind: 'fatal', error: new WaveQueryNotSupportedError(message) };
  return { kind: 'fatal', error: new UpstreamError(message) };
}

function page<T>(connection: Connection | null | undefined, map: (node: unknown) => T): WavePage<T> {
  const info = connection?.pageInfo;
  return {
    items: (connection?.edges ?? []).flatMap((edge) => (edge.node ? [map(edge.node)] : [])),
    currentPage: info?.currentPage ?? 1,
    totalPages: info?.totalPages ?? 1,
    ...(typeof info?.totalCount === 'number' ? { totalCount: info.totalCount } : {}),
  };
}

/**
 * Wave's public GraphQL API. An expired token (HTTP 401 or `UNAUTHENTICATED`) is refreshed
 * once and the query repeated; 429/5xx/network failures are retried within the budget.
 */
export class WaveGraphqlClient {
  private requests = 0;
  private readonly fetch: EgressFetch;
  private readonly endpoint: string;

  constructor(private readonly options: WaveGraphqlOptions) {
    this.fetch = options.fetch ?? defaultEgressFetch;
    this.endpoint = options.endpoint ?? WAVE_GRAPHQL_ENDPOINT;
  }

  get requestCount(): number {
    return this.requests;
  }

  /**
   * The invoice and its customer as Wave has them now; undefined when Wave does not know the invoice (deleted).
   * Throws WaveBusinessNotReadableError when the connection cannot read the business at all.
   */
  async getInvoice(businessId: string, invoiceId: string): Promise<InvoiceWithCustomer | undefined> {
    const data = await this.query<{ business?: { invoice?: { customer?: unknown } | null } | null }>(GET_INVOICE, {
      businessId,
      invoiceId,
    });
    if (data?.business === null) throw new WaveBusinessNotReadableError(businessId);
    const node = data?.business?.invoice;
    if (!node) return undefined;
    return { invoice: mapInvoice(node), customer: node.customer ? mapCustomer(node.customer) : null };
  }

  async getCustomer(businessId: string, customerId: string): Promise<WaveCustomer | undefined> {
    const data = await this.query<{ business?: { customer?: unknown } | null }>(GET_CUSTOMER, {
      businessId,
      customerId,
    });
    return data?.business?.customer ? mapCustomer(data.business.customer) : undefined;
  }

  async listInvoices(options: WaveListOptions): Promise<WavePage<WaveInvoice>> {
    const document = options.newestFirst ? LIST_INVOICES_NEWEST_FIRST : LIST_INVOICES;
    const data = await this.query<{ business?: { invoices?: Connection } | null }>(
      document,
      this.listVariables(options),
    );
    if (!data?.business) throw new NotFoundError('the connected Wave business was not found; check the connection');
    return page(data.business.invoices, mapInvoice);
  }

  async listCustomers(options: WaveListOptions): Promise<WavePage<WaveCustomer>> {
    const document = options.newestFirst ? LIST_CUSTOMERS_NEWEST_FIRST : LIST_CUSTOMERS;
    const data = await this.query<{ business?: { customers?: Connection } | null }>(
      document,
      this.listVariables(options),
    );
    if (!data?.business) throw new NotFoundError('the connected Wave business was not found; check the connection');
    return page(data.business.customers, mapCustomer);
  }

  /** The business's name and page 1 of its invoices and of its customers, newest change first, in one request. */
  async probeChanges(businessId: string, pageSize: number): Promise<ChangesProbe> {
    const data = await this.query<{
      business?: { name?: unknown; invoices?: Connection; customers?: Connection } | null;
    }>(PROBE_CHANGES, { businessId, pageSize });
    if (!data?.business) throw new WaveBusinessNotReadableError(businessId);
    const { name, invoices, customers } = data.business;
    return {
      ...(typeof name === 'string' ? { businessName: name } : {}),
      invoices: page(invoices, mapInvoice),
      customers: page(customers, mapCustomer),
    };
  }

  async listBusinesses(options: { page?: number; pageSize?: number } = {}): Promise<WavePage<WaveBusiness>> {
    const data = await this.query<{ businesses?: Connection }>(LIST_BUSINESSES, {
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 50,
    });
    return page(data?.businesses, mapBusiness);
  }

  private listVariables(options: WaveListOptions): Record<string, unknown> {
    return {
      businessId: options.businessId,
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 50,
      ...(options.modifiedAtAfter && !options.newestFirst ? { modifiedAtAfter: options.modifiedAtAfter } : {}),
    };
  }

  /** The data; what Wave says does not exist is null in it (or the whole answer undefined, when Wave sent none). */
  private async query<T>(document: string, variables: Record<string, unknown>): Promise<T | undefined> {
    let refreshed = false;
    let token = await this.options.tokens.accessToken();
    const attempt = async (): Promise<AttemptResult<T | undefined>> => {
      this.requests += 1;
      try {
        // No request may outlast the invocation's budget: a slow Wave is answered with 503 in time.
        const allowedMs = this.options.budget.remainingMs() - ANSWER_RESERVE_MS;
        if (allowedMs <= 0) return { retry: { reason: 'no time left for another request', giveUp: true } };
        return {
          done: await postGraphql<T>(this.fetch, this.endpoint, {
            query: document,
            variables,
            token,
            signal: AbortSignal.timeout(allowedMs),
          }),
        };
      } catch (error) {
        const failure = classify(error, this.options.budget.now());
        switch (failure.kind) {
          case 'unauthenticated':
            if (refreshed) {
              await markWaveReconnectNeeded('Wave rejected a freshly renewed access token', this.options.budget.now());
              throw new WaveReconnectNeededError();
            }
            token = await this.options.tokens.refreshAfterRejection(token);
            refreshed = true;
            return { retry: { reason: 'access token renewed', immediate: true } };
          case 'transient':
            return {
              retry: {
                reason: failure.reason,
                ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
              },
            };
          case 'not-found':
            return { done: (failure.partialData ?? undefined) as T | undefined };
          case 'fatal':
            throw failure.error;
        }
      }
    };
    return withRetries(attempt, {
      budget: this.options.budget,
      service: 'Wave',
      ...(this.options.policy ? { policy: this.options.policy } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      ...(this.options.random ? { random: this.options.random } : {}),
    });
  }
}
