import { sampleInputs } from '../src/domain/warranty/entitlement.bench-fixture.ts';
import { decideEntitlement } from '../src/domain/warranty/entitlement.ts';

/** Pure entitlement decisions per second on one core (target ≥ 200 thousand/s). */
export const benchEntitlement = () => {
  const inputs = sampleInputs(100_000);
  let sink = 0;
  for (const input of inputs.slice(0, 20_000)) sink += decideEntitlement(input).reasons.length; // warm the zone caches
  const rounds = 5;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) sink += decideEntitlement(input).reasons.length;
  const secs = (performance.now() - t0) / 1000;
  const rate = Math.round((rounds * inputs.length) / secs);
  console.log(
    `entitlement decisions: ${rate.toLocaleString('en')} /s on one core (target ≥ 200,000/s; ratio ${(rate / 200_000).toFixed(2)}) [${sink > 0 ? 'ok' : '?'}]`,
  );
};
