import express, { type Router } from 'express';
import { z } from 'zod';
import type { JiraSandboxControl } from '../types';

const faultSettings = z
  .object({
    errorRate: z.number().min(0).max(1).optional(),
    latencyMs: z.number().int().min(0).max(60_000).optional(),
    seed: z.number().int().optional(),
    rateLimitStorm: z
      .object({ durationMs: z.number().int().min(0) })
      .strict()
      .optional(),
    outage: z
      .object({ durationMs: z.number().int().min(0) })
      .strict()
      .optional(),
    rateLimits: z.boolean().optional(),
  })
  .strict();

/**
 * `/jira/_sandbox/...`: controls for tests and people, no principal needed.
 * Webhooks listed here are the live ones (expired webhooks are purged, as Jira drops them).
 */
export function sandboxRoutes(control: JiraSandboxControl): Router {
  const router = express.Router();
  router.use(express.json());

  router.get('/webhooks', (_req, res) => {
    res.json({ webhooks: control.listWebhooks() });
  });
  router.delete('/webhooks', (req, res) => {
    const ids = ([] as string[])
      .concat((req.query.id as string | string[] | undefined) ?? [])
      .map(Number)
      .filter(Number.isInteger);
    res.json({ dropped: control.dropWebhooks(ids.length > 0 ? ids : undefined) });
  });

  router.get('/faults', (_req, res) => {
    res.json(control.faults());
  });
  router.post('/faults', (req, res) => {
    const parsed = faultSettings.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({
        error: 'invalid fault settings',
        issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`),
      });
      return;
    }
    control.setFaults(parsed.data);
    res.json(control.faults());
  });
  router.delete('/faults', (_req, res) => {
    control.clearFaults();
    res.json(control.faults());
  });

  router.get('/stats', (_req, res) => {
    res.json(control.stats());
  });
  router.post('/stats/reset', (_req, res) => {
    control.resetStats();
    res.status(204).end();
  });

  router.get('/issues', (req, res) => {
    res.json({ issues: control.listIssues(typeof req.query.project === 'string' ? req.query.project : undefined) });
  });
  router.get('/issues/:idOrKey', (req, res) => {
    const issue = control.getIssue(req.params.idOrKey);
    if (issue) res.json(issue);
    else res.status(404).json({ error: 'no such issue' });
  });
  return router;
}
