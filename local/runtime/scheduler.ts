import type { Clock } from '../clock';
import { ClockAlarm } from './clock-alarm';
import type { InvocationOutcome, InvokeRequest } from './invoker';
import type { ScheduleInterval, ScheduledTriggerModule } from './manifest';
import type { RuntimeStateFile } from './runtime-state';

const MINUTE = 60_000;
export const INTERVAL_MS: Record<ScheduleInterval, number> = {
  fiveMinute: 5 * MINUTE,
  hour: 60 * MINUTE,
  day: 24 * 60 * MINUTE,
  week: 7 * 24 * 60 * MINUTE,
};

export interface ScheduledRun {
  key: string;
  /** When the run fell due (runtime clock), ISO. */
  scheduledFor: string;
  outcome: InvocationOutcome['status'];
  ms: number;
}

export interface SchedulerOptions {
  triggers: readonly ScheduledTriggerModule[];
  clock: Clock;
  state: RuntimeStateFile;
  invoke: (request: InvokeRequest) => Promise<InvocationOutcome>;
  triggerEvent: (moduleKey: string) => [event: unknown, context: unknown];
  /** Called when wall time brings a run due; the runtime serialises it with clock moves. */
  onDue: () => void;
}

/**
 * Forge scheduled triggers on the runtime clock. Each trigger's next run is kept in DATA_DIR; a new
 * trigger (or a changed interval, which on Forge resets the schedule) first runs one interval from now.
 * A failing run is not retried.
 */
export class Scheduler {
  private readonly alarm: ClockAlarm;

  constructor(private readonly options: SchedulerOptions) {
    this.alarm = new ClockAlarm(options.clock, options.onDue);
    const now = options.clock.now();
    for (const trigger of options.triggers) {
      const saved = options.state.schedule(trigger.key);
      const interval = INTERVAL_MS[trigger.interval];
      if (!saved || saved.interval !== trigger.interval) {
        options.state.saveSchedule(trigger.key, { interval: trigger.interval, nextRunAt: now + interval });
      } else if (saved.nextRunAt <= now) {
        // Runs missed while the stack was down collapse into one, as a stopped platform would not replay them.
        const missed = Math.floor((now - saved.nextRunAt) / interval);
        options.state.saveSchedule(trigger.key, {
          interval: trigger.interval,
          nextRunAt: saved.nextRunAt + missed * interval,
        });
      }
    }
    this.armAlarm();
  }

  nextDueAt(): number | undefined {
    const times = this.options.triggers.map((trigger) => this.nextRunAt(trigger));
    return times.length > 0 ? Math.min(...times) : undefined;
  }

  /** Runs, one after the other and in time order, every run due by now; `afterEach` runs after each. */
  async runDue(afterEach: () => Promise<void>): Promise<ScheduledRun[]> {
    const runs: ScheduledRun[] = [];
    for (;;) {
      const trigger = this.earliestDue();
      if (!trigger) break;
      const dueAt = this.nextRunAt(trigger);
      this.options.state.saveSchedule(trigger.key, {
        interval: trigger.interval,
        nextRunAt: dueAt + INTERVAL_MS[trigger.interval],
      });
      runs.push(await this.run(trigger, dueAt));
      await afterEach();
    }
    this.armAlarm();
    return runs;
  }

  /** Runs one trigger now, outside its schedule (which stays as it was). */
  async runNow(key: string): Promise<ScheduledRun> {
    const trigger = this.options.triggers.find((candidate) => candidate.key === key);
    if (!trigger) throw new UnknownScheduledTriggerError(key);
    return this.run(trigger, this.options.clock.now());
  }

  close(): void {
    this.alarm.clear();
  }

  private async run(trigger: ScheduledTriggerModule, dueAt: number): Promise<ScheduledRun> {
    const outcome = await this.options.invoke({
      functionKey: trigger.function,
      moduleKey: trigger.key,
      kind: 'scheduledTrigger',
      args: this.options.triggerEvent(trigger.key),
    });
    return {
      key: trigger.key,
      scheduledFor: new Date(dueAt).toISOString(),
      outcome: outcome.status,
      ms: Math.round(outcome.ms),
    };
  }

  private earliestDue(): ScheduledTriggerModule | undefined {
    const now = this.options.clock.now();
    let earliest: ScheduledTriggerModule | undefined;
    for (const trigger of this.options.triggers) {
      const at = this.nextRunAt(trigger);
      if (at <= now && (!earliest || at < this.nextRunAt(earliest))) earliest = trigger;
    }
    return earliest;
  }

  private nextRunAt(trigger: ScheduledTriggerModule): number {
    return this.options.state.schedule(trigger.key)?.nextRunAt ?? Number.POSITIVE_INFINITY;
  }

  private armAlarm(): void {
    this.alarm.set(this.nextDueAt());
  }
}

export class UnknownScheduledTriggerError extends Error {
  constructor(key: string) {
    super(`no scheduledTrigger module '${key}' in the manifest`);
  }
}
