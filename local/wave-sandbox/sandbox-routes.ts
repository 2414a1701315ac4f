import express, { type NextFunction, type Request, type Response } from 'express';
import { bodyParserStatus } from './graphql-route';
import type { SandboxApi } from './sandbox-api';
import { SandboxInputError } from './sandbox-input';
import type { WebhookSender } from './webhook-sender';

/** The sandbox-only endpoints under /_sandbox (no auth): change Wave's data, send webhooks, switch deliveries, inspect. */
export function sandboxRouter(api: SandboxApi, sender: WebhookSender): express.Router {
  const router = express.Router();
  router.use('/_sandbox', express.json({ limit: '1mb' }));

  router.post('/_sandbox/invoices', async (req, res) => void res.json(await api.invoice(req.body)));
  router.post('/_sandbox/customers', async (req, res) => void res.json(await api.customer(req.body)));
  router.post('/_sandbox/payments', async (req, res) => void res.json(await api.payment(req.body)));
  router.post('/_sandbox/estimates', async (req, res) => void res.json(await api.estimate(req.body)));
  router.delete('/_sandbox/invoices/:id', (req, res) => {
    const answer = api.deleteInvoice(String(req.params.id));
    if (answer) res.json(answer);
    else res.status(404).json({ error: `no invoice ${String(req.params.id)}` });
  });
  router.get('/_sandbox/settings', (_req, res) => void res.json(api.settings()));
  router.post('/_sandbox/settings', (req, res) => void res.json(api.updateSettings(req.body)));
  router.get('/_sandbox/state', (_req, res) => void res.json(api.stateDump()));
  router.get('/_sandbox/deliveries', (_req, res) => void res.json({ deliveries: sender.list() }));
  router.get('/_sandbox/deliveries/:eventId', (req, res) => {
    const delivery = sender.get(String(req.params.eventId));
    if (delivery) res.json(delivery);
    else res.status(404).json({ error: `no delivery of event ${String(req.params.eventId)}` });
  });

  router.use('/_sandbox', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof SandboxInputError) return void res.status(400).json({ error: error.message });
    const status = bodyParserStatus(error);
    if (status !== undefined)
      return void res
        .status(status)
        .json({ error: status === 413 ? 'the body is too large' : 'the body is not valid JSON' });
    next(error);
  });
  return router;
}
