import { execFileSync } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');

interface Fixture {
  /** Where the file would sit, relative to the repository. */
  file: string;
  source: string;
}

/**
 * ESLint's Node API in a plain Node process (Jest's module sandbox cannot load eslint.config.mjs): each fixture
 * is linted as if it sat at its path, and the layering rule's messages come back per fixture.
 */
function layeringErrors(fixtures: Fixture[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const path = require('node:path');
    const fixtures = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const { file, source } of fixtures) {
        const [result] = await eslint.lintText(source + '\\nexport const used = 1;\\n', { filePath: path.resolve(file) });
        out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(fixtures)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

/** A wrong import in each layer, and what the refusal says. */
const REFUSED: Array<Fixture & { says: string }> = [
  { file: 'src/domain/sync/fixture.ts', source: "import { kvs } from '@forge/kvs';", says: 'no platform SDK' },
  {
    file: 'src/domain/sync/fixture.ts',
    source: "import { getLink } from '../../adapters/storage/links';",
    says: 'no layer above',
  },
  {
    file: 'src/domain/fixture.ts',
    source: "import { runPoll } from '../usecases/poll/run-poll';",
    says: 'no layer above',
  },
  {
    file: 'src/adapters/jira/fixture.ts',
    source: "import { syncWaveEvent } from '../../usecases/sync/sync-event';",
    says: 'do not call use cases',
  },
  {
    file: 'src/adapters/storage/fixture.ts',
    source: "import type { HealthView } from '../../entry/resolvers/api';",
    says: 'do not call use cases or entry points',
  },
  {
    file: 'src/usecases/sync/fixture.ts',
    source: "import { define } from '../../entry/resolvers/core/define';",
    says: 'do not import entry points',
  },
  { file: 'src/usecases/poll/fixture.ts', source: "import { kvs } from '@forge/kvs';", says: 'src/adapters/storage' },
  { file: 'src/entry/resolvers/fixture.ts', source: "import { kvs } from '@forge/kvs';", says: 'src/adapters/storage' },
  {
    file: 'src/entry/resolvers/wave/fixture.ts',
    source: "import { requestJira } from '@forge/api';",
    says: 'Platform I/O belongs in src/adapters/',
  },
  {
    file: 'src/entry/webtrigger/fixture.ts',
    source: "import { webTrigger } from '@forge/api';",
    says: 'Platform I/O belongs in src/adapters/',
  },
  {
    file: 'src/entry/consumers/fixture.ts',
    source: "import { Queue } from '@forge/events';",
    says: 'src/adapters/queue',
  },
  {
    file: 'src/entry/webtrigger/fixture.ts',
    source: "import { consume } from '../resolvers/wave/oauth';",
    says: 'One entry point does not import another',
  },
  {
    file: 'src/entry/resolvers/core/fixture.ts',
    source: "import { headerValue } from '../../webtrigger/http';",
    says: 'One entry point does not import another',
  },
  ...[
    'src/domain/wave-webhook',
    'src/adapters/storage',
    'src/usecases/sync',
    'src/entry/resolvers/core',
    'src/shared',
  ].map((folder) => ({
    file: `${folder}/fixture.ts`,
    source: "import * as z from 'zod/mini';",
    says: 'validates with valibot',
  })),
];

/** Imports each layer may make: the rule must not refuse them. */
const ALLOWED: Fixture[] = [
  { file: 'src/domain/sync/fixture.ts', source: "import { ownValue } from '../../shared/own';" },
  { file: 'src/adapters/jira/fixture.ts', source: "import type { IssueRef } from '../../domain/sync';" },
  { file: 'src/usecases/sync/fixture.ts', source: "import { getLink } from '../../adapters/storage/links';" },
  { file: 'src/entry/resolvers/wave/fixture.ts', source: "import { define } from '../core/define';" },
  {
    file: 'src/entry/resolvers/wave/fixture.ts',
    source: "import { startWaveOAuth } from '../../../usecases/connect/start-oauth';",
  },
  { file: 'src/entry/webtrigger/fixture.ts', source: "import type { AppContext } from '@forge/api';" },
  { file: 'src/domain/wave-webhook/fixture.ts', source: "import * as v from 'valibot';" },
  { file: 'local/fixture.ts', source: "import * as z from 'zod';" },
];

describe('the layering rule (eslint no-restricted-imports per folder)', () => {
  const [refused, allowed] = [REFUSED, ALLOWED].map((fixtures) => fixtures.length);
  let results: string[][] = [];
  beforeAll(() => {
    results = layeringErrors([...REFUSED, ...ALLOWED]);
  });

  it(`refuses a wrong import in every layer (${refused} files)`, () => {
    expect(REFUSED.map((fixture, index) => ({ ...fixture, errors: results[index] }))).toEqual(
      REFUSED.map((fixture) => ({ ...fixture, errors: [expect.stringContaining(fixture.says)] })),
    );
  });

  it(`lets every layer import what it may (${allowed} files)`, () => {
    expect(results.slice(refused)).toEqual(ALLOWED.map(() => []));
  });
});
