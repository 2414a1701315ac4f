/**
 * `tsx bench/scenario-process.ts <name> <figures.json> [bench args]`: runs one scenario and writes its figures (or
 * `{error}`) to the file. `run.ts` starts one such process per scenario: the app's modules keep state between
 * invocations, as a warm Forge container does, and a scenario must not meet what an earlier scenario's stack left
 * in them (after the lifecycle, the burst's deliveries were all refused: "no webhook signing secret is configured").
 */
import fs from 'node:fs';
import { SCENARIOS } from './scenarios';

async function main(): Promise<void> {
  const [name = '', file = ''] = process.argv.slice(2);
  const scenario = SCENARIOS[name];
  if (!scenario || !file) throw new Error('usage: scenario-process.ts <name> <figures.json> [bench args]');
  let figures: object;
  try {
    figures = { ...(await scenario(process.argv)) };
  } catch (error) {
    figures = { error: error instanceof Error ? error.message : String(error) };
  }
  fs.writeFileSync(file, JSON.stringify(figures));
}

main()
  // A stray timer or socket of the app must not keep a finished scenario alive.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(
      `scenario failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  });
