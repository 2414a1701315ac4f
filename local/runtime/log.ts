/** One line per invocation (module, outcome, ms); never bodies or secrets. `LOCAL_LOG=silent` mutes it. */
export interface RuntimeLog {
  invocation(moduleKey: string, outcome: string, ms: number): void;
  info(message: string): void;
  warn(message: string): void;
}

export function createRuntimeLog(
  quiet: boolean,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): RuntimeLog {
  const emit = quiet ? () => {} : write;
  return {
    invocation: (moduleKey, outcome, ms) => emit(`[forge] ${moduleKey} ${outcome} ${Math.round(ms)}ms`),
    info: (message) => emit(`[forge] ${message}`),
    warn: (message) => emit(`[forge] warning: ${message}`),
  };
}

export function isQuiet(env: NodeJS.ProcessEnv, quiet?: boolean): boolean {
  return quiet ?? env.LOCAL_LOG === 'silent';
}
