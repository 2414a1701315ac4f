import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import yaml from 'js-yaml';
import { createJiraSandbox, type JiraSandboxControl } from '../../../local/jira-sandbox';
import type { ForgeHarness } from './forge-harness';

interface ManifestModules {
  app: { id: string };
  modules: {
    'jira:customField': Array<{ key: string; name: string; description?: string; type: string }>;
    'jira:entityProperty': Array<{
      key: string;
      entityType: string;
      propertyKey: string;
      values: Array<{ path: string; type: string; searchAlias?: string }>;
    }>;
  };
}

export interface RunningJiraSandbox {
  control: JiraSandboxControl;
  /** `http://127.0.0.1:<port>/jira` */
  base: string;
  stop(): Promise<void>;
}

/** The Jira sandbox on 127.0.0.1:0, wired as the target of `requestJira` with the caller in `x-forge-principal`. */
export async function startJiraSandbox(harness: ForgeHarness): Promise<RunningJiraSandbox> {
  const manifest = yaml.load(fs.readFileSync(path.join(__dirname, '../../../manifest.yml'), 'utf8')) as ManifestModules;
  let base = '';
  const sandbox = createJiraSandbox({
    dataDir: harness.dataDir,
    clock: harness.clock,
    specPath: path.join(__dirname, '../../../../shared/reference/jira-platform-v3.openapi.json'),
    baseUrl: () => base,
    app: {
      appId: manifest.app.id,
      environmentId: 'local-test',
      customFields: manifest.modules['jira:customField'],
      entityProperties: manifest.modules['jira:entityProperty'],
    },
    log: () => undefined,
  });
  const app = express();
  app.use('/jira', sandbox.router);
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jira`;

  harness.setJira(async (target, requestPath, init) => {
    const principal = target.provider === 'user' ? `user:${target.accountId ?? ''}` : 'app';
    return fetch(`${base}${requestPath}`, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), 'x-forge-principal': principal },
    });
  });
  return {
    control: sandbox.control,
    base,
    stop: async () => {
      harness.setJira(undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      sandbox.close();
    },
  };
}
