import express, { type NextFunction, type Request, type Response } from 'express';
import { InvalidInputError } from '../input';
import type { BridgeAnswer } from './bridge';
import { isAccountId, parseOrigin, type PageOrigin } from './page-origin';
import { PAYLOAD_LIMIT_BYTES } from './limits';
import type { PlatformSettings } from './platform-settings';
import type { ScheduledRun } from './scheduler';
import { UnknownScheduledTriggerError } from './scheduler';

export interface TimeControlAnswer {
  now: string;
  runs: ScheduledRun[];
}

export interface ControlTarget {
  isReady(): boolean;
  now(): number;
  advanceClock(ms: number): Promise<TimeControlAnswer>;
  runScheduled(key: string): Promise<TimeControlAnswer>;
  actor(): string;
  setActor(accountId: string): void;
  bridge(name: string, origin: PageOrigin, payload: unknown): Promise<BridgeAnswer>;
  settings: PlatformSettings;
  usage(): unknown;
  resetUsage(): void;
}

/** `/_local/...`: health, the clock, scheduled runs, the acting user, the Custom UI bridge, Forge's limits and usage. */
export function createControlRouter(target: ControlTarget): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: PAYLOAD_LIMIT_BYTES, type: () => true }));

  router.get('/health', (_req, res) => {
    if (target.isReady()) res.json({ ok: true, now: new Date(target.now()).toISOString() });
    else res.status(503).json({ ok: false });
  });

  router.post('/clock/advance', async (req, res) => {
    const ms = (req.body as { ms?: unknown } | undefined)?.ms;
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      res.status(400).json({ error: 'body must be {"ms": N} with N a number >= 0' });
      return;
    }
    res.json(await target.advanceClock(ms));
  });

  router.post('/scheduled/:key', async (req, res) => {
    try {
      res.json(await target.runScheduled(String(req.params.key)));
    } catch (error) {
      if (!(error instanceof UnknownScheduledTriggerError)) throw error;
      res.status(404).json({ error: error.message });
    }
  });

  router.get('/settings', (_req, res) => {
    res.json(target.settings.current);
  });

  router.post('/settings', (req, res) => {
    res.json(target.settings.update(req.body ?? {}));
  });

  router.get('/usage', (_req, res) => {
    res.json(target.usage());
  });

  router.post('/usage/reset', (_req, res) => {
    target.resetUsage();
    res.status(204).end();
  });

  router.get('/actor', (_req, res) => {
    res.json({ accountId: target.actor() });
  });

  router.post('/actor', (req, res) => {
    const accountId = (req.body as { accountId?: unknown } | undefined)?.accountId;
    if (!isAccountId(accountId)) {
      res.status(400).json({ error: 'body must be {"accountId": "..."} with a Jira account id' });
      return;
    }
    target.setActor(accountId);
    res.json({ accountId });
  });

  router.post('/bridge/:name', async (req, res) => {
    const { origin, payload } = (req.body ?? {}) as { origin?: unknown; payload?: unknown };
    const parsed =
      typeof origin === 'object' && origin !== null
        ? parseOrigin(origin as Record<string, unknown>)
        : { error: 'origin is missing' };
    if ('error' in parsed) {
      res.status(400).json({
        ok: false,
        error: `body must be {"origin": {"moduleKey": ...}, "payload": ...}: ${parsed.error}`,
      });
      return;
    }
    const answer = await target.bridge(String(req.params.name), parsed.origin, payload);
    res.status(answer.status).json(answer.body);
  });

  router.use(
    (error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
      if (error instanceof InvalidInputError) res.status(400).json({ error: 'invalid settings', issues: error.issues });
      else if (error.type === 'entity.parse.failed') res.status(400).json({ error: 'the body is not valid JSON' });
      else if (error.type === 'entity.too.large')
        res.status(413).json({ error: `payload larger than ${PAYLOAD_LIMIT_BYTES} bytes` });
      else next(error);
    },
  );
  return router;
}
