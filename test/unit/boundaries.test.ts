import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

// The module boundaries of .dependency-cruiser.cjs (docs/ARCHITECTURE.md, "Module boundaries"):
// a miniature repository proves each rule catches what it should, and the real repository is
// checked against the known-violations baseline, which may only shrink.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(root, 'test/fixtures/boundaries');
const baselineFile = path.join(root, '.dependency-cruiser-known-violations.json');

type Known = { from: string; to: string; rule: { name: string } };
const key = (v: Known) => `${v.rule.name}: ${v.from} → ${v.to}`;

let options: ICruiseOptions;
beforeAll(async () => {
  options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
});

const violations = async (baseDir: string, cache: ICruiseOptions['cache']): Promise<string[]> => {
  const tsConfig = extractTSConfig(path.join(root, 'tsconfig.json'));
  const { output } = await cruise(['src', 'web/src'], { ...options, baseDir, cache }, {}, { tsConfig });
  if (typeof output === 'string') throw new Error('expected a cruise result, got a report');
  return output.summary.violations.map((v: IViolation) => key(v)).sort();
};

describe('module boundaries', () => {
  it('reports each forbidden import of the fixture and nothing that is allowed', async () => {
    expect(await violations(fixture, false)).toEqual(
      [
        'composition-uses-module-index: src/app.ts → src/modules/assets/assets-dal.ts',
        'domain-is-pure: src/domain/warranty/term.ts → fs',
        'domain-is-pure: src/domain/warranty/term.ts → src/db/schema/assets.ts',
        'module-internals: src/modules/complaints/complaint-bad.ts → src/modules/assets/assets-dal.ts',
        'table-ownership: src/modules/complaints/complaint-bad.ts → src/db/schema/assets.ts',
        'table-ownership-barrel: src/modules/complaints/complaint-bad.ts → src/db/schema/index.ts',
        'web-no-server-code: web/src/page.ts → src/modules/assets/index.ts',
      ].sort(),
    );
  });

  it('finds in the repository exactly the known violations: none new, none fixed but still listed', async () => {
    const found = new Set(
      await violations(root, {
        // Its own cache: the CLI's differs in options (the baseline), so sharing would thrash both.
        folder: path.join(root, 'node_modules/.cache/dependency-cruiser-test'),
        strategy: 'content',
      }),
    );
    const known = new Set((JSON.parse(readFileSync(baselineFile, 'utf8')) as Known[]).map(key));
    const added = [...found].filter((v) => !known.has(v));
    const fixed = [...known].filter((v) => !found.has(v));
    // A new violation: use the other module's index.ts (or its builder's parameters) instead.
    expect(added, 'new boundary violations').toEqual([]);
    // A violation was removed: run `npm run check:boundaries:baseline` and commit the smaller file.
    expect(fixed, 'known violations that no longer occur: regenerate the baseline').toEqual([]);
  }, 30_000);
});
