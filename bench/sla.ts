import { pathToFileURL } from 'node:url';
import { defaultSpec, HOUR, MIN, random, sh, standardWorkingTime } from '../src/domain/sla/sla.fixtures.ts';
import { type ClockInput, computeClock } from '../src/domain/sla/sla-clock.ts';
import { addWorkingMs, compileWorkingTime, type WorkingTime } from '../src/domain/sla/working-time.ts';
import { DAY_MS } from '../src/domain/warranty/zoned-calendar.ts';

const TARGET = 1_000_000;
const POOL = 100_000;

// Varied starts over a year and a half, targets from 30 minutes to three working days; some
// clocks stopped, some with two overlapping pauses (one of them still open now and then).
const inputs = (opts: {
  wt: WorkingTime;
  seed: number;
  pausedShare: number;
  explain: boolean;
}): ClockInput[] => {
  const rnd = random(opts.seed);
  const base = sh('2025-08-01T00:00');
  return Array.from({ length: POOL }, () => {
    const startedAt = base + Math.floor(rnd() * 540 * DAY_MS);
    const targetMinutes = [30, 60, 120, 240, 480, 1440][Math.floor(rnd() * 6)]!;
    const pauses =
      rnd() < opts.pausedShare
        ? [
            { from: startedAt + 20 * MIN, to: startedAt + 20 * MIN + Math.floor(rnd() * 20 * HOUR) },
            { from: startedAt + 40 * MIN, to: rnd() < 0.2 ? null : startedAt + 3 * HOUR },
          ]
        : [];
    const stoppedAt = rnd() < 0.3 ? startedAt + Math.floor(rnd() * 4 * DAY_MS) : null;
    const now = startedAt + Math.floor(rnd() * 5 * DAY_MS);
    return { wt: opts.wt, startedAt, targetMinutes, pauses, stoppedAt, now, explain: opts.explain };
  });
};

/** Runs `run` over the pool `rounds` times after one warm-up round and prints the rate. */
const rate = (opts: { label: string; rounds: number; run: () => number; target: number | null }) => {
  let sink = opts.run();
  const t0 = performance.now();
  for (let r = 0; r < opts.rounds; r++) sink += opts.run();
  const perSecond = Math.round((opts.rounds * POOL) / ((performance.now() - t0) / 1000));
  const versus =
    opts.target === null
      ? ''
      : ` (target ≥ ${opts.target.toLocaleString('en')}/s; ratio ${(perSecond / opts.target).toFixed(2)})`;
  console.log(
    `${opts.label}: ${perSecond.toLocaleString('en')} /s on one core${versus} [${sink !== 0 ? 'ok' : '?'}]`,
  );
};

const clocks = (opts: { label: string; list: ClockInput[]; rounds: number; target: number | null }) =>
  rate({
    ...opts,
    run: () => {
      let sink = 0;
      for (const input of opts.list) sink += computeClock(input).remainingMs;
      return sink;
    },
  });

/** SLA deadline computations per second on one core, on a calendar compiled once for two years. */
export const benchSla = () => {
  const t0 = performance.now();
  const wt = standardWorkingTime();
  const firstMs = performance.now() - t0;
  const spec = defaultSpec('standard');
  const t1 = performance.now();
  for (let i = 0; i < 20; i++) compileWorkingTime({ spec, fromMs: wt.fromMs, toMs: wt.toMs });
  const eachMs = (performance.now() - t1) / 20;
  console.log(
    `SLA calendar compile (2 years, ${wt.count} intervals): first ${firstMs.toFixed(1)} ms (loads holiday data), then ${eachMs.toFixed(2)} ms`,
  );

  const plain = inputs({ wt, seed: 1, pausedShare: 0, explain: false });
  clocks({ label: 'SLA computeClock, no pauses', list: plain, rounds: 20, target: TARGET });
  const paused = inputs({ wt, seed: 2, pausedShare: 0.3, explain: false });
  clocks({ label: 'SLA computeClock, 30 % with two pauses', list: paused, rounds: 20, target: TARGET });
  // Reasons are built for one ticket on screen, not in bulk recomputation, so they have no target.
  const explained = inputs({ wt, seed: 3, pausedShare: 0.3, explain: true });
  clocks({ label: 'SLA computeClock with reasons', list: explained, rounds: 2, target: null });
  rate({
    label: 'SLA addWorkingMs',
    rounds: 20,
    target: TARGET,
    run: () => {
      let sink = 0;
      for (const c of plain) sink += addWorkingMs(wt, c.startedAt, c.targetMinutes * MIN) ?? 0;
      return sink;
    },
  });
};

// Also runnable on its own: `npx tsx bench/sla.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) benchSla();
