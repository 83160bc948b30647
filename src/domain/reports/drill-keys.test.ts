import { describe, expect, it } from 'vitest';
import { narrowToMonth, parseDrillKey } from './drill-keys.ts';

const U = '0b5c7f1e-3a1d-4c2e-9f00-1234567890ab';
const V = '9b5c7f1e-3a1d-4c2e-9f00-1234567890ab';

describe('drill-down keys', () => {
  it('parses each figure row key back to what it counts', () => {
    expect(parseDrillKey('sla', 'metric:-:arrange')).toEqual({
      figure: 'sla',
      dimension: 'metric',
      id: null,
      metric: 'arrange',
    });
    expect(parseDrillKey('sla', `dealer:${U}:all`)).toEqual({
      figure: 'sla',
      dimension: 'dealer',
      id: U,
      metric: null,
    });
    expect(parseDrillKey('sla', 'team:-:resolve')).toMatchObject({ dimension: 'team', id: null });
    expect(parseDrillKey('backlog', 'new')).toEqual({ figure: 'backlog', status: 'new', bucket: null });
    expect(parseDrillKey('backlog', 'all:gt30d')).toEqual({
      figure: 'backlog',
      status: null,
      bucket: 'gt30d',
    });
    expect(parseDrillKey('ftf', '2026-03')).toEqual({ figure: 'ftf', month: '2026-03' });
    expect(parseDrillKey('mttr', '2026-03')).toEqual({ figure: 'mttr', what: 'repair', month: '2026-03' });
    expect(parseDrillKey('mttr', 'resolve:2026-03')).toEqual({
      figure: 'mttr',
      what: 'resolve',
      month: '2026-03',
    });
    expect(parseDrillKey('repeats', `asset:${U}`)).toEqual({ figure: 'repeats', assetId: U, partId: null });
    expect(parseDrillKey('repeats', `part:${U}:${V}`)).toEqual({ figure: 'repeats', assetId: U, partId: V });
    expect(parseDrillKey('cost', `model:-:2026-03`)).toEqual({
      figure: 'cost',
      dimension: 'model',
      id: null,
      month: '2026-03',
    });
    expect(parseDrillKey('parts', `${U}:2026-03`)).toEqual({ figure: 'parts', partId: U, month: '2026-03' });
    expect(parseDrillKey('satisfaction', 'survey:2026-03')).toEqual({
      figure: 'satisfaction',
      source: 'survey',
      month: '2026-03',
    });
    expect(parseDrillKey('complaints', 'unclassified')).toEqual({ figure: 'complaints', cause: null });
    expect(parseDrillKey('complaints', 'product')).toEqual({ figure: 'complaints', cause: 'product' });
  });
  it('rejects keys of another shape', () => {
    for (const [figure, key] of [
      ['sla', 'metric:-:speed'],
      ['sla', `metric:${U}:arrange`],
      ['sla', 'dealer:nope:all'],
      ['backlog', 'resolved'],
      ['backlog', 'new:old'],
      ['ftf', '2026-13'],
      ['mttr', 'travel:2026-03'],
      ['repeats', `asset:${U}:x`],
      ['cost', 'part:-:2026-03'],
      ['parts', 'x:2026-03'],
      ['satisfaction', 'phone:2026-03'],
      ['complaints', "x'; drop table"],
    ] as const)
      expect(parseDrillKey(figure, key), `${figure} ${key}`).toBeNull();
  });
  it('narrows the period to the month of the row', () => {
    const r = { from: '2026-02-15', to: '2026-04-10' };
    expect(narrowToMonth(r, '2026-02')).toEqual({ from: '2026-02-15', to: '2026-02-28' });
    expect(narrowToMonth(r, '2026-03')).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(narrowToMonth(r, '2026-04')).toEqual({ from: '2026-04-01', to: '2026-04-10' });
    expect(narrowToMonth(r, '2026-05')).toBeNull();
    expect(narrowToMonth(r, null)).toEqual(r);
  });
});
