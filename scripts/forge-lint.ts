/**
 * `forge lint` without a login: the same client-side rules, run through `@forge/lint` directly.
 *
 *   tsx scripts/forge-lint.ts [appDir]      (appDir defaults to the repository root)
 *
 * Lints `<appDir>/src/**\/*.ts(x)` against `<appDir>/manifest.yml`, prints the results the way
 * `forge lint` does, and exits 1 on any error or warning.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  FileSystemReader,
  listTSConfigIncludeExclude,
  StatsigReader,
  type DynamicConfig,
  type DynamicConfigKey,
  type FeatureGate,
  type StatsigService,
} from '@forge/cli-shared';
import { lint, problemCount, reportLintResults, type LintResult } from '@forge/lint';
import type { ManifestSchema } from '@forge/manifest';

const REPO_ROOT = path.resolve(__dirname, '..');
const JIRA_SWAGGER = path.resolve(REPO_ROOT, '../shared/reference/jira-platform-v3.openapi.json');
/** Products the app never calls: the permission rule only needs their (empty) path lists. */
const EMPTY_SWAGGER_VARIABLES = [
  'LOCAL_JSM_SWAGGER',
  'LOCAL_JSW_SWAGGER',
  'LOCAL_CONF_SWAGGER',
  'LOCAL_CONF_V2_SWAGGER',
  'LOCAL_BB_SWAGGER',
];

/** No feature gates, no dynamic config: nothing to fetch, so no login. */
class OfflineStatsig extends StatsigReader {
  override async checkGate<F extends FeatureGate>(_flag: F): Promise<boolean | null> {
    return false;
  }

  override async getDynamicConfig<F extends DynamicConfigKey>(_flag: F): Promise<DynamicConfig[F] | null> {
    return null;
  }
}

export interface ForgeLintOutcome {
  results: LintResult[];
  errors: number;
  warnings: number;
  files: string[];
  /** Files `@forge/lint` silently ignores because tsconfig.json `include` does not list them. */
  skippedFiles: string[];
}

function sourceFiles(appDir: string): string[] {
  const srcDir = path.join(appDir, 'src');
  if (!fs.existsSync(srcDir)) return [];
  return (fs.readdirSync(srcDir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'))
    .map((file) => path.join('src', file).split(path.sep).join('/'))
    .sort();
}

/**
 * `@forge/lint` lints a .ts file only if tsconfig.json's `include` globs expand to it: a bare
 * directory such as "src" expands to the directory, not its files, and every file is then
 * skipped without a word. Same rule as lint.js, run from the app directory.
 */
async function filesTheLinterSkips(files: string[]): Promise<string[]> {
  const { include, exclude } = await listTSConfigIncludeExclude(new FileSystemReader());
  if (include.length === 0 && exclude.length === 0) return [];
  const included = new Set(include);
  const excluded = new Set(exclude);
  return files.filter((file) => {
    const absolute = path.resolve(file);
    return !included.has(absolute) || excluded.has(absolute);
  });
}

function reportSkippedFiles(skipped: string[], log: (line: string) => void): void {
  if (skipped.length === 0) return;
  log(path.resolve('tsconfig.json'));
  for (const file of skipped) {
    log(
      `0:0     error    ${file} is not linted: tsconfig.json "include" must list it through a glob such as "src/**/*" (a bare "src" matches no file)  tsconfig-include`,
    );
  }
  log('');
}

function useLocalSwaggers(): () => void {
  if (!fs.existsSync(JIRA_SWAGGER)) throw new Error(`Jira OpenAPI spec not found at ${JIRA_SWAGGER}`);
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-'));
  const emptySwagger = path.join(emptyDir, 'empty.json');
  fs.writeFileSync(emptySwagger, JSON.stringify({ paths: {} }));
  const previous = { ...process.env };
  process.env.USE_LOCAL_SWAGGER = '1';
  process.env.LOCAL_JIRA_SWAGGER = JIRA_SWAGGER;
  for (const name of EMPTY_SWAGGER_VARIABLES) process.env[name] = emptySwagger;
  return () => {
    for (const name of ['USE_LOCAL_SWAGGER', 'LOCAL_JIRA_SWAGGER', ...EMPTY_SWAGGER_VARIABLES]) {
      if (previous[name] === undefined) delete process.env[name];
      else process.env[name] = previous[name];
    }
    fs.rmSync(emptyDir, { recursive: true, force: true });
  };
}

/**
 * Runs the linter with appDir as the working directory: `@forge/lint` resolves handler files,
 * tsconfig.json and manifest.yml relative to it, as the CLI does.
 */
export async function runForgeLint(
  appDir: string = REPO_ROOT,
  log: (line: string) => void = console.log,
): Promise<ForgeLintOutcome> {
  const absoluteAppDir = path.resolve(appDir);
  const manifest = yaml.load(fs.readFileSync(path.join(absoluteAppDir, 'manifest.yml'), 'utf8')) as ManifestSchema;
  const restoreEnv = useLocalSwaggers();
  const previousCwd = process.cwd();
  process.chdir(absoluteAppDir);
  try {
    const files = sourceFiles(absoluteAppDir);
    const logger = { info: (line: string) => log(line) };
    const statsig = new OfflineStatsig() as unknown as StatsigService;
    const results = await lint(files, manifest, 'development', logger, statsig, { linter: { mode: 'client-side' } });
    const skippedFiles = await filesTheLinterSkips(files);
    reportSkippedFiles(skippedFiles, log);
    // @forge/lint's reporter sets process.exitCode on any problem; whether that fails the process is the caller's call.
    const exitCode = process.exitCode;
    reportLintResults(logger, results);
    process.exitCode = exitCode;
    const { errors, warnings } = problemCount(results);
    return { results, errors: errors + skippedFiles.length, warnings, files, skippedFiles };
  } finally {
    process.chdir(previousCwd);
    restoreEnv();
  }
}

if (require.main === module) {
  runForgeLint(process.argv[2])
    .then(({ errors, warnings }) => {
      process.exitCode = errors + warnings > 0 ? 1 : 0;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
