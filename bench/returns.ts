import { sampleReturnInputs } from '../src/domain/returns/return-eligibility.bench-fixture.ts';
import { returnEligibility } from '../src/domain/returns/return-eligibility.ts';

/** Pure 三包 eligibility decisions per second on one core (target ≥ 200 thousand/s, issue 12). */
export const benchReturnEligibility = () => {
  const inputs = sampleReturnInputs(100_000);
  let sink = 0;
  for (const input of inputs.slice(0, 20_000)) sink += returnEligibility(input).reasons.length; // warm up
  const rounds = 5;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) sink += returnEligibility(input).reasons.length;
  const secs = (performance.now() - t0) / 1000;
  const rate = Math.round((rounds * inputs.length) / secs);
  console.log(
    `return eligibility decisions: ${rate.toLocaleString('en')} /s on one core (target ≥ 200,000/s; ratio ${(rate / 200_000).toFixed(2)}) [${sink > 0 ? 'ok' : '?'}]`,
  );
};
