import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runForgeLint } from '../../scripts/forge-lint';

const REPO_ROOT = path.resolve(__dirname, '../..');

function problems(outcome: Awaited<ReturnType<typeof runForgeLint>>): string[] {
  return outcome.results.flatMap((result) =>
    [...result.errors, ...result.warnings].map(
      (rule) =>
        `${path.relative(REPO_ROOT, result.file)}:${rule.line}:${rule.column} ${rule.message} (${rule.reference})`,
    ),
  );
}

/** The linter reads the whole app; on a busy 2-core machine that takes well over a minute. */
jest.setTimeout(240_000);

describe('offline forge lint', () => {
  it('finds no error and no warning in the app', async () => {
    const lines: string[] = [];
    const outcome = await runForgeLint(REPO_ROOT, (line) => lines.push(line));
    expect(outcome.files).toContain('src/entry/webtrigger/wave-webhook.ts');
    expect({ skipped: outcome.skippedFiles, problems: problems(outcome) }).toEqual({ skipped: [], problems: [] });
    expect(outcome.errors + outcome.warnings).toBe(0);
  });

  describe('on an app with known violations', () => {
    let appDir: string;

    beforeAll(() => {
      appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-violations-'));
      fs.mkdirSync(path.join(appDir, 'src'));
      fs.writeFileSync(
        path.join(appDir, 'manifest.yml'),
        [
          'app:',
          '  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-00000000f1f2',
          '  runtime:',
          '    name: nodejs22.x',
          'modules:',
          '  webtrigger:',
          '    - key: hook',
          '      function: hook-fn',
          '      response:',
          '        type: dynamic',
          '  function:',
          '    - key: hook-fn',
          '      handler: index.hook',
          'permissions:',
          '  scopes:',
          '    - storage:app',
          '',
        ].join('\n'),
      );
      fs.writeFileSync(
        path.join(appDir, 'src', 'index.ts'),
        [
          "import api, { route, storage } from '@forge/api';",
          '',
          'export async function hook() {',
          "  await storage.get('legacy');",
          "  await api.asApp().requestJira(route`/rest/api/3/issue`, { method: 'POST', body: '{}' });",
          '  return { statusCode: 204 };',
          '}',
          '',
        ].join('\n'),
      );
    });

    afterAll(() => {
      fs.rmSync(appDir, { recursive: true, force: true });
    });

    it('reports the deprecated storage import and the missing scope, like forge lint', async () => {
      const lines: string[] = [];
      const outcome = await runForgeLint(appDir, (line) => lines.push(line));
      const rules = outcome.results.flatMap((result) =>
        [...result.errors, ...result.warnings].map((rule) => rule.reference),
      );
      expect(rules).toEqual(expect.arrayContaining(['deprecated-api-storage', 'permission-scope-required']));
      expect(outcome.errors).toBeGreaterThanOrEqual(1);
      expect(outcome.warnings).toBeGreaterThanOrEqual(1);
      expect(lines.join('\n')).toContain('POST /rest/api/3/issue requires "write:jira-work" scope');
    });

    it('reports source files a directory-style tsconfig "include" would hide from the linter', async () => {
      fs.writeFileSync(path.join(appDir, 'tsconfig.json'), JSON.stringify({ include: ['src'] }));
      try {
        const outcome = await runForgeLint(appDir, () => {});
        expect(outcome.skippedFiles).toEqual(['src/index.ts']);
        expect(outcome.errors).toBeGreaterThanOrEqual(1);
      } finally {
        fs.rmSync(path.join(appDir, 'tsconfig.json'));
      }
    });
  });
});
