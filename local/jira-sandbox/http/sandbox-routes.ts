import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { InvalidInputError } from '../../input';
import { CredentialsError } from '../auth/local-users';
import type { JiraSandboxControl } from '../types';

const faultSettings = z
  .object({
    errorRate: z.number().min(0).max(1).optional(),
    lostAnswers: z.number().int().min(0).max(1_000).optional(),
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

  router.get('/settings', (_req, res) => {
    res.json(control.settings());
  });
  router.post('/settings', (req, res) => {
    res.json(control.updateSettings(req.body ?? {}));
  });

  router.get('/notifications', (_req, res) => {
    res.json({ notifications: control.notifications() });
  });
  router.delete('/notifications', (_req, res) => {
    control.clearNotifications();
    res.status(204).end();
  });

  // New credentials are shown once, in the answer to the request that made them.
  router.post('/users', (req, res) => {
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json(control.createUser(req.body ?? {}));
  });
  router.post('/api-tokens', (req, res) => {
    res
      .status(201)
      .set('cache-control', 'no-store')
      .json(control.createApiToken(req.body ?? {}));
  });

  router.post('/project-permissions', (req, res) => {
    res.json(control.setProjectPermissions(req.body ?? {}));
  });
  router.get('/dashboards/:id', (req, res) => {
    const dashboard = control.dashboard(req.params.id);
    if (dashboard) res.json(dashboard);
    else res.status(404).json({ error: 'no such dashboard' });
  });

  router.get('/issues', (req, res) => {
    res.json({ issues: control.listIssues(typeof req.query.project === 'string' ? req.query.project : undefined) });
  });
  router.get('/issues/:idOrKey', (req, res) => {
    const issue = control.getIssue(req.params.idOrKey);
    if (issue) res.json(issue);
    else res.status(404).json({ error: 'no such issue' });
  });
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof InvalidInputError) res.status(400).json({ error: 'invalid input', issues: error.issues });
    else if (error instanceof CredentialsError) res.status(error.status).json({ error: error.message });
    else if ((error as { type?: string }).type === 'entity.parse.failed')
      res.status(400).json({ error: 'the body is not valid JSON' });
    else next(error);
  });
  return router;
}
