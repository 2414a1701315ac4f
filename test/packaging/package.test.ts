import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';

const REPO_ROOT = path.resolve(__dirname, '../..');
const PACKAGE_SCRIPT = path.join(REPO_ROOT, 'scripts/package.ts');
/** Bundling the app with ts-loader's type check takes 25 to 60 s on two shared cores. */
const BUNDLE_TIMEOUT_MS = 240_000;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run package` as a user runs it, in its own process. */
function runPackageCli(args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), PACKAGE_SCRIPT, ...args],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function writeApp(dir: string, manifestFunctions: string[], sources: Record<string, string>): void {
  fs.mkdirSync(path.join(dir, 'src'), { recursive: true });
  const manifest = [
    'app:',
    '  id: ari:cloud:ecosystem::app/00000000-0000-4000-8000-0000000000aa',
    '  runtime:',
    '    name: nodejs22.x',
    'modules:',
    '  function:',
    ...manifestFunctions,
    '',
  ];
  fs.writeFileSync(path.join(dir, 'manifest.yml'), manifest.join('\n'));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, types: [] } }),
  );
  for (const [file, text] of Object.entries(sources)) fs.writeFileSync(path.join(dir, 'src', file), text);
}

function functionLine(stdout: string, key: string): string {
  const found = stdout.split('\n').find((line) => line.startsWith(`${key} `));
  if (!found) throw new Error(`no line for ${key} in:\n${stdout}`);
  return found;
}

describe('npm run package', () => {
  let scratch: string;

  beforeAll(() => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'package-test-'));
  });

  afterAll(() => {
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it(
    "bundles every function of manifest.yml with Forge's bundler, and each handler loads as a function in a fresh Node",
    async () => {
      const outDir = path.join(scratch, 'app-bundle');
      const run = await runPackageCli([REPO_ROOT, `--out=${outDir}`]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });

      const manifest = yaml.load(fs.readFileSync(path.join(REPO_ROOT, 'manifest.yml'), 'utf8')) as {
        modules: { function: Array<{ key: string; handler: string }> };
      };
      for (const { key, handler } of manifest.modules.function) {
        const line = functionLine(run.stdout, key);
        const [, size, gzip] = line.match(/ ([\d,]+) B +gzip +([\d,]+) B +import +\d+ ms +\(cpu +\d+ ms\) +ok$/) ?? [];
        expect(line).toContain(` ${handler} `);
        // The SDKs the handler uses are inside its bundle: far more than a handler's own lines (about 4 KB bundled).
        expect(Number(size?.replaceAll(',', ''))).toBeGreaterThan(20_000);
        expect(Number(gzip?.replaceAll(',', ''))).toBeLessThan(Number(size?.replaceAll(',', '')));
        const bundleFile = `${handler.split('.')[0]}.cjs`;
        expect(
          fs.existsSync(path.join(outDir, bundleFile)) && fs.existsSync(path.join(outDir, `${bundleFile}.map`)),
        ).toBe(true);
      }
      expect(run.stdout).toContain(`${manifest.modules.function.length} functions packaged and loaded`);
      expect(run.stdout).toContain('@forge/bundler 7.3.0');
    },
    BUNDLE_TIMEOUT_MS,
  );

  it(
    'exits 1 and says which function would not run and why',
    async () => {
      const appDir = path.join(scratch, 'broken-handlers');
      writeApp(
        appDir,
        [
          '    - key: ok-fn',
          '      handler: index.ok',
          '    - key: missing-fn',
          '      handler: index.missing',
          '    - key: number-fn',
          '      handler: index.notAFunction',
          '    - key: throws-fn',
          '      handler: throws.handler',
        ],
        {
          'index.ts': 'export const ok = async () => ({ statusCode: 204 });\nexport const notAFunction = 42;\n',
          'throws.ts': [
            "const fail = (): never => { throw new Error('configuration missing at import'); };",
            'fail();',
            'export const handler = async () => ({ statusCode: 204 });',
            '',
          ].join('\n'),
        },
      );
      const run = await runPackageCli([appDir, `--out=${path.join(scratch, 'broken-bundle')}`]);
      expect(run.code).toBe(1);
      expect(functionLine(run.stdout, 'ok-fn')).toMatch(/ ok$/);
      expect(functionLine(run.stdout, 'missing-fn')).toContain(
        'FAILED: index.cjs has no export missing (it exports ok, notAFunction)',
      );
      expect(functionLine(run.stdout, 'number-fn')).toContain(
        'FAILED: index.cjs exports notAFunction as a number, not a function',
      );
      expect(functionLine(run.stdout, 'throws-fn')).toContain(
        'FAILED: require(throws.cjs) failed: Error: configuration missing at import',
      );
      expect(run.stdout).toContain(
        'packaging failed: 3 of 4 functions would not run (missing-fn, number-fn, throws-fn); 2 bundle(s) (index.cjs, throws.cjs)',
      );
    },
    BUNDLE_TIMEOUT_MS,
  );

  it(
    "exits 1 with the bundler's TypeScript error when the code does not compile, as forge deploy would",
    async () => {
      const appDir = path.join(scratch, 'type-error');
      writeApp(appDir, ['    - key: hook-fn', '      handler: index.hook'], {
        'index.ts': "const port: number = 'eighty';\nexport const hook = async () => ({ statusCode: port });\n",
      });
      const run = await runPackageCli([appDir, `--out=${path.join(scratch, 'type-error-bundle')}`]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^packaging failed: .*TS2322/s);
      expect(fs.existsSync(path.join(scratch, 'type-error-bundle'))).toBe(false);
    },
    BUNDLE_TIMEOUT_MS,
  );
});
