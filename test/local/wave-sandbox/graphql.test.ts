import fs from 'node:fs';
import { buildClientSchema, buildSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { graphql, graphqlWithAuthorization, SCHEMA_PATH, startSandbox, type Running, type Json } from './harness';

let running: Running;
let token: string;
let businessId: string;

beforeAll(async () => {
  running = await startSandbox();
  token = running.sandbox.control.issueTokens().access_token;
  businessId = running.sandbox.control.businessId;
});
afterAll(() => running.close());

const INVOICE_FIELDS = `id invoiceNumber status title invoiceDate dueDate createdAt modifiedAt viewUrl pdfUrl
  total { ...money } amountDue { ...money } amountPaid { ...money } taxTotal { ...money }
  customer { id name email displayId }`;
const MONEY_FRAGMENT = 'fragment money on Money { value raw currency { code symbol } }';

async function stateDump(): Promise<Json> {
  return (await fetch(`${running.baseUrl}/_sandbox/state`)).json();
}

describe("Wave GraphQL sandbox: errors in Wave's shape", () => {
  it('answers a query the schema rejects with GRAPHQL_VALIDATION_FAILED, locations and an id', async () => {
    const { status, body } = await graphql(running, token, 'query {\n  business(name: "Personal") {\n    id\n  }\n}');
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: 'Unknown argument "name" on field "Query.business".',
        locations: [{ line: 2, column: 12 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', id: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      },
    ]);
  });

  it('rejects an unknown field and a missing required argument', async () => {
    const unknownField = await graphql(running, token, '{ business { id invoice(id: "x") { id notAField } } }');
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors[0].message).toContain('notAField');
    const missingSort = await graphql(running, token, '{ business { invoices { edges { node { id } } } } }');
    expect(missingSort.status).toBe(400);
    expect(missingSort.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await graphql(running, token, '{ business { id ');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers bad variables with BAD_USER_INPUT', async () => {
    const { status, body } = await graphql(
      running,
      token,
      'query($p: Int) { businesses(page: $p) { pageInfo { totalCount } } }',
      { p: 'one' },
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown business with NOT_FOUND, path and null data, as Wave documents', async () => {
    const { status, body } = await graphql(
      running,
      token,
      'query {\n  business(id: "BAD_ID") {\n    id\n    name\n  }\n}',
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: "Business 'BAD_ID' could not be found.",
          locations: [{ line: 2, column: 3 }],
          path: ['business'],
          extensions: { code: 'NOT_FOUND', id: expect.any(String) },
        },
      ],
      data: { business: null },
    });
  });

  it('answers an unknown invoice or customer with NOT_FOUND on that field', async () => {
    const { body } = await graphql(
      running,
      token,
      '{ business { id invoice(id: "nope") { id } customer(id: "nope2") { id } } }',
    );
    expect(body.data.business).toEqual({ id: businessId, invoice: null, customer: null });
    expect(body.errors.map((e: Json) => [e.path.join('.'), e.extensions.code])).toEqual([
      ['business.invoice', 'NOT_FOUND'],
      ['business.customer', 'NOT_FOUND'],
    ]);
  });

  it('refuses GET with 405', async () => {
    const response = await fetch(`${running.baseUrl}/graphql/public?query={user{id}}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(405);
  });

  it('answers a non-JSON body with 400 in the GraphQL error shape', async () => {
    const response = await fetch(`${running.baseUrl}/graphql/public`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('Wave GraphQL sandbox: authentication', () => {
  const query = '{ user { id defaultEmail } }';

  it('answers 401 UNAUTHENTICATED without a token, with an unknown one, or with another scheme', async () => {
    for (const authorization of [
      undefined,
      'Bearer not-a-token',
      `Basic ${token}`,
      `Bearer ${token} extra`,
      'Bearer',
    ]) {
      const { status, body } = await graphqlWithAuthorization(running, authorization, query);
      expect(status).toBe(401);
      expect(body.errors).toEqual([
        { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', id: expect.any(String) } },
      ]);
      expect(body.data).toBeUndefined();
    }
  });

  it('accepts a token until expires_in (7200 s) has passed on the clock, then answers 401', async () => {
    const pair = running.sandbox.control.issueTokens();
    expect(pair.expires_in).toBe(7200);
    running.clock.advance(7199_000);
    expect((await graphql(running, pair.access_token, query)).status).toBe(200);
    running.clock.advance(2_000);
    const { status, body } = await graphql(running, pair.access_token, query);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    token = running.sandbox.control.issueTokens().access_token;
  });

  it('answers the user behind the token', async () => {
    const { status, body } = await graphql(running, token, query);
    expect(status).toBe(200);
    expect(body.data.user).toEqual({ id: expect.any(String), defaultEmail: 'owner@northwind.example' });
  });
});

describe('Wave GraphQL sandbox: data', () => {
  it('serves the reference schema, as introspection shows', async () => {
    const { body } = await graphql(running, token, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    const served = printSchema(buildClientSchema(body.data));
    expect(served).toBe(printSchema(buildSchema(fs.readFileSync(SCHEMA_PATH, 'utf8'))));
  });

  it('answers business() without an id and businesses with one USD business', async () => {
    const { body } = await graphql(
      running,
      token,
      '{ business { id name currency { code symbol } isClassicInvoicing } businesses(page: 1, pageSize: 10) { pageInfo { currentPage totalPages totalCount } edges { node { id } } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.business).toEqual({
      id: businessId,
      name: 'Northwind Consulting LLC',
      currency: { code: 'USD', symbol: '$' },
      isClassicInvoicing: false,
    });
    expect(body.data.businesses).toEqual({
      pageInfo: { currentPage: 1, totalPages: 1, totalCount: 1 },
      edges: [{ node: { id: businessId } }],
    });
  });

  it("answers one invoice by id with Wave's fields, the same data as the sandbox state", async () => {
    const seeded = (await stateDump()).invoices.find((invoice: Json) => invoice.status === 'PARTIAL');
    const { body } = await graphql(
      running,
      token,
      `query($b: ID!, $i: ID!) { business(id: $b) { invoice(id: $i) { ${INVOICE_FIELDS} } } } ${MONEY_FRAGMENT}`,
      {
        b: businessId,
        i: seeded.id,
      },
    );
    expect(body.errors).toBeUndefined();
    const invoice = body.data.business.invoice;
    expect(invoice).toMatchObject({
      id: seeded.id,
      invoiceNumber: '1003',
      status: 'PARTIAL',
      title: 'Q4 retainer <draft>',
      total: { value: '2000.00', raw: 200000, currency: { code: 'USD', symbol: '$' } },
      amountPaid: { value: '500.00', raw: 50000 },
      amountDue: { value: '1500.00', raw: 150000 },
      customer: { id: seeded.customer.id, name: 'O\'Brien & "Sons" <b>Ltd</b>', email: null },
    });
    expect(invoice.invoiceDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(invoice.viewUrl).toMatch(/^https:\/\/next\.waveapps\.com\/[0-9a-f-]{36}\/invoices\/\d+$/);
    const { customer: _c, ...rest } = invoice;
    const { customer: _s, lastSentAt: _l, lastViewedAt: _v, ...seededRest } = seeded;
    expect(rest).toEqual(seededRest);
  });

  it('answers one customer by id, with amounts owed', async () => {
    const seeded = (await stateDump()).customers[0];
    const { body } = await graphql(
      running,
      token,
      `
        query ($b: ID!, $c: ID!) {
          business(id: $b) {
            customer(id: $c) {
              id
              name
              email
              firstName
              displayId
              modifiedAt
              outstandingAmount {
                value
              }
              overdueAmount {
                value
              }
            }
          }
        }
      `,
      { b: businessId, c: seeded.id },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.business.customer).toEqual({
      id: seeded.id,
      name: 'Acme Robotics, Inc.',
      email: 'ap@acme-robotics.example',
      firstName: 'Ada',
      displayId: 'ACME-01',
      modifiedAt: seeded.modifiedAt,
      // 1001 (1250.00, not yet due) + 1004 (975.50, overdue)
      outstandingAmount: { value: '2225.50' },
      overdueAmount: { value: '975.50' },
    });
  });

  it("seeds Wave's ids: invoices exactly base64(Business:<uuid>;Invoice:<19 digits>), some ids with + / and =", async () => {
    const { invoices, customers, payments } = await stateDump();
    for (const invoice of invoices)
      expect(Buffer.from(invoice.id, 'base64').toString()).toMatch(
        /^Business:e226ca4e-7b4d-4890-bedc-5d4945ec0be6;Invoice:[1-9]\d{18}$/,
      );
    for (const resource of [...customers, ...payments])
      expect(Buffer.from(resource.id, 'base64').toString()).toMatch(/;(Customer|Payment):[1-9]\d{18}(;Import:.+)?$/);
    const ids: string[] = [...invoices, ...customers].map((resource: Json) => resource.id);
    expect(ids.some((id) => id.includes('+'))).toBe(true);
    expect(ids.some((id) => id.includes('/'))).toBe(true);
    expect(invoices.every((invoice: Json) => invoice.id.endsWith('='))).toBe(true);
    const odd = ids.find((id) => id.includes('/')) as string;
    const { body } = await graphql(running, token, 'query($c: ID!) { business { customer(id: $c) { id } } }', {
      c: odd,
    });
    expect(body.data.business.customer.id).toBe(odd);
  });
});

describe('Wave GraphQL sandbox: listing invoices and customers', () => {
  const LIST = `query($page: Int, $size: Int, $sort: [InvoiceSort!]!, $after: DateTime, $status: InvoiceStatus) {
    business { invoices(page: $page, pageSize: $size, sort: $sort, modifiedAtAfter: $after, status: $status) {
      pageInfo { currentPage totalPages totalCount } edges { node { id invoiceNumber modifiedAt total { raw } } } } } }`;

  async function list(variables: Record<string, unknown>) {
    const { status, body } = await graphql(running, token, LIST, variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data.business.invoices;
  }

  it('pages with pageInfo {currentPage totalPages totalCount}', async () => {
    const first = await list({ page: 1, size: 2, sort: ['INVOICE_NUMBER_ASC'] });
    expect(first.pageInfo).toEqual({ currentPage: 1, totalPages: 3, totalCount: 5 });
    expect(first.edges.map((e: Json) => e.node.invoiceNumber)).toEqual(['1001', '1002']);
    const third = await list({ page: 3, size: 2, sort: ['INVOICE_NUMBER_ASC'] });
    expect(third.edges.map((e: Json) => e.node.invoiceNumber)).toEqual(['1005']);
    const past = await list({ page: 4, size: 2, sort: ['INVOICE_NUMBER_ASC'] });
    expect(past).toEqual({ pageInfo: { currentPage: 4, totalPages: 3, totalCount: 5 }, edges: [] });
  });

  it('sorts by the requested keys, ascending and descending', async () => {
    const byTotal = await list({ size: 10, sort: ['TOTAL_DESC'] });
    const totals = byTotal.edges.map((e: Json) => e.node.total.raw);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const byModified = await list({ size: 10, sort: ['MODIFIED_AT_ASC'] });
    const times = byModified.edges.map((e: Json) => Date.parse(e.node.modifiedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const desc = await list({ size: 10, sort: ['INVOICE_NUMBER_DESC'] });
    expect(desc.edges.map((e: Json) => e.node.invoiceNumber)).toEqual(['1005', '1004', '1003', '1002', '1001']);
  });

  it('filters by modifiedAtAfter (strictly after) and by status', async () => {
    const all = await list({ size: 10, sort: ['MODIFIED_AT_ASC'] });
    const third = all.edges[2].node;
    const after = await list({ size: 10, sort: ['MODIFIED_AT_ASC'], after: third.modifiedAt });
    expect(after.pageInfo.totalCount).toBe(2);
    expect(after.edges.map((e: Json) => e.node.id)).toEqual(all.edges.slice(3).map((e: Json) => e.node.id));
    const overdue = await list({ size: 10, sort: ['MODIFIED_AT_ASC'], status: 'OVERDUE' });
    expect(overdue.edges.map((e: Json) => e.node.invoiceNumber)).toEqual(['1004']);
  });

  it('sees a changed invoice after the cursor', async () => {
    const before = new Date(running.clock.now()).toISOString();
    running.clock.advance(1000);
    const changed = await fetch(`${running.baseUrl}/_sandbox/invoices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ invoice: { id: (await stateDump()).invoices[0].id, title: 'Changed' } }),
    });
    expect(changed.status).toBe(200);
    const after = await list({ size: 10, sort: ['MODIFIED_AT_DESC'], after: before });
    expect(after.edges.map((e: Json) => e.node.invoiceNumber)).toEqual(['1001']);
  });

  it('rejects a bad page size or date with BAD_USER_INPUT', async () => {
    const bad = await graphql(running, token, LIST, { size: 0, sort: ['TOTAL_ASC'] });
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badDate = await graphql(running, token, LIST, { size: 5, sort: ['TOTAL_ASC'], after: 'yesterday' });
    expect(badDate.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lists customers by name, with paging and an email filter', async () => {
    const { body } = await graphql(
      running,
      token,
      `
        {
          business {
            all: customers(page: 1, pageSize: 3, sort: [NAME_ASC]) {
              pageInfo {
                totalPages
                totalCount
              }
              edges {
                node {
                  name
                }
              }
            }
            one: customers(sort: [NAME_ASC], email: "keiri@okami.example") {
              edges {
                node {
                  name
                }
              }
            }
          }
        }
      `,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.business.all.pageInfo).toEqual({ totalPages: 2, totalCount: 4 });
    expect(body.data.business.all.edges.map((e: Json) => e.node.name)).toEqual([
      'Acme Robotics, Inc.',
      'O\'Brien & "Sons" <b>Ltd</b>',
      'Ōkami Studio 株式会社',
    ]);
    expect(body.data.business.one.edges).toEqual([{ node: { name: 'Ōkami Studio 株式会社' } }]);
  });
});
