import { sendLikeWave, type SenderClock } from '../../support/wave-like-sender';
import type { WaveDelivery } from '../../support/wave-workload';

/** A simulated clock that only moves when the sender asks it to. */
function simulatedClock(): SenderClock & { moves: number[] } {
  let now = 1_000_000;
  const moves: number[] = [];
  return {
    moves,
    now: () => now,
    waitUntil: async (at) => {
      moves.push(at - now);
      now = Math.max(now, at);
    },
  };
}

const delivery = (eventId: string): WaveDelivery => ({ eventId, type: 'invoice.sent', invoiceId: 'i1', body: eventId });

describe('the Wave-like sender on a simulated clock', () => {
  it("moves the clock to each retry's backoff instead of waiting, and counts time on that clock", async () => {
    const clock = simulatedClock();
    let answers = 0;
    const report = await sendLikeWave([delivery('e1')], {
      concurrency: 2,
      clock,
      retry: { initialDelayMs: 500, maxDelayMs: 30_000, maxAttempts: 5 },
      post: async () => ((answers += 1) <= 2 ? { status: 503, body: {} } : { status: 200, body: {} }),
    });
    expect(report.attempts).toBe(3);
    expect(report.refused).toBe(2);
    expect(clock.moves).toEqual([500, 1_000]);
    expect(report.elapsedMs).toBe(1_500);
  });

  it('sends each delivery no earlier than its sendAt, moving the clock there when nothing else is due', async () => {
    const clock = simulatedClock();
    const start = clock.now();
    const sentAt: Array<[string, number]> = [];
    const report = await sendLikeWave([delivery('e1'), delivery('e2'), delivery('e3')], {
      concurrency: 3,
      clock,
      sendAt: [start, start + 60_000, start + 120_000],
      post: async (body) => {
        sentAt.push([body, clock.now() - start]);
        return { status: 200, body: {} };
      },
    });
    expect(sentAt).toEqual([
      ['e1', 0],
      ['e2', 60_000],
      ['e3', 120_000],
    ]);
    expect(report.elapsedMs).toBe(120_000);
  });
});
