import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';

export interface QueuedAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/**
 * A stand-in for Wave on 127.0.0.1:0 for faults the Wave sandbox cannot produce (429, 5xx,
 * UNAUTHENTICATED inside a 200): GraphQL answers come from a queue the test fills; the token
 * endpoint rotates refresh tokens like Wave's.
 */
export class FakeWave {
  tokenRequests = 0;
  graphqlRequests: Array<{ authorization?: string; body: { query?: string; variables?: Record<string, unknown> } }> =
    [];
  readonly graphqlAnswers: QueuedAnswer[] = [];
  private liveRefreshToken = 'refresh-0';
  private generation = 0;
  private server?: Server;

  get currentRefreshToken(): string {
    return this.liveRefreshToken;
  }

  async start(): Promise<{ tokenUrl: string; graphqlUrl: string }> {
    const app = express();
    app.post('/oauth2/token/', express.urlencoded({ extended: false }), (req, res) => {
      this.tokenRequests += 1;
      const params = req.body as Record<string, string>;
      if (params.client_id !== 'client-id' || params.client_secret !== 'client-secret')
        return void res.status(401).json({ error: 'invalid_client' });
      if (params.grant_type !== 'refresh_token' || params.refresh_token !== this.liveRefreshToken)
        return void res.status(400).json({ error: 'invalid_grant' });
      this.generation += 1;
      this.liveRefreshToken = `refresh-${this.generation}`;
      res.json({
        access_token: `access-${this.generation}`,
        refresh_token: this.liveRefreshToken,
        expires_in: 7200,
        token_type: 'Bearer',
      });
    });
    app.post('/graphql/public', express.json(), (req, res) => {
      this.graphqlRequests.push({ authorization: req.get('authorization'), body: req.body });
      const answer = this.graphqlAnswers.shift() ?? {
        status: 500,
        body: { errors: [{ message: 'no answer queued' }] },
      };
      res
        .status(answer.status)
        .set(answer.headers ?? {})
        .json(answer.body);
    });
    const server = app.listen(0, '127.0.0.1');
    this.server = server;
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return {
      tokenUrl: `http://127.0.0.1:${port}/oauth2/token/`,
      graphqlUrl: `http://127.0.0.1:${port}/graphql/public`,
    };
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
