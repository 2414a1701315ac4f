import fs from 'node:fs';
import path from 'node:path';
import type { ScheduleInterval } from './manifest';

export interface ScheduleState {
  interval: ScheduleInterval;
  /** Runtime-clock ms of the next run. */
  nextRunAt: number;
}

interface StateDocument {
  clockOffsetMs: number;
  schedules: Record<string, ScheduleState>;
}

const FILE_NAME = 'runtime-state.json';

/**
 * What the runtime keeps across restarts in DATA_DIR: the clock offset (a restart resumes at the
 * same simulated time) and each scheduled trigger's next run. Small and rarely written: one JSON
 * file, replaced atomically.
 */
export class RuntimeStateFile {
  private readonly file: string;
  private document: StateDocument;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.file = path.join(dataDir, FILE_NAME);
    this.document = read(this.file);
  }

  get clockOffsetMs(): number {
    return this.document.clockOffsetMs;
  }

  saveClockOffset(offsetMs: number): void {
    if (offsetMs === this.document.clockOffsetMs) return;
    this.document.clockOffsetMs = offsetMs;
    this.write();
  }

  schedule(key: string): ScheduleState | undefined {
    return this.document.schedules[key];
  }

  saveSchedule(key: string, state: ScheduleState): void {
    this.document.schedules[key] = state;
    this.write();
  }

  private write(): void {
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.document, null, 2));
    fs.renameSync(temporary, this.file);
  }
}

function read(file: string): StateDocument {
  if (!fs.existsSync(file)) return { clockOffsetMs: 0, schedules: {} };
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StateDocument>;
  return {
    clockOffsetMs: typeof parsed.clockOffsetMs === 'number' ? parsed.clockOffsetMs : 0,
    schedules: typeof parsed.schedules === 'object' && parsed.schedules !== null ? parsed.schedules : {},
  };
}
