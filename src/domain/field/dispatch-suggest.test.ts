import { describe, expect, it } from 'vitest';
import { type EngineerCandidate, type JobNeeds, rankEngineers } from './dispatch-suggest.ts';

const now = new Date('2026-05-11T02:00:00Z');
const job: JobNeeds = {
  trade: 'hydraulic',
  category: 'excavator',
  region: '江苏南京',
  dealerId: null,
  deadlineAt: null,
  now,
};
const eng = (over: Partial<EngineerCandidate>): EngineerCandidate => ({
  id: 'e',
  name: '张三',
  trade: 'mechanical',
  skills: [],
  regions: [],
  dealerId: null,
  serviceCentreId: 'sc1',
  openOrders: 0,
  capacity: 5,
  ordersOnDay: 0,
  worksOnDay: true,
  ...over,
});
const ids = (xs: { engineerId: string }[]) => xs.map((x) => x.engineerId);
const codes = (s: { reasons: { code: string }[] }) => s.reasons.map((r) => r.code);

describe('rankEngineers', () => {
  it('puts skill before region', () => {
    const r = rankEngineers(job, [
      eng({ id: 'region', regions: ['江苏南京'] }),
      eng({ id: 'skill', skills: ['excavator'] }),
    ]);
    expect(ids(r)).toEqual(['skill', 'region']);
    expect(r[0]!.score).toBe(60);
    expect(codes(r[0]!)).toEqual(['skill', 'other_trade', 'other_region', 'load']);
    expect(codes(r[1]!)).toEqual(['no_skill', 'other_trade', 'region', 'load']);
    expect(r[1]!.score).toBe(45);
  });

  it('scores trade: same +20, general +10', () => {
    const r = rankEngineers({ ...job, category: null, region: null }, [
      eng({ id: 'g', trade: 'general' }),
      eng({ id: 'h', trade: 'hydraulic' }),
      eng({ id: 'm' }),
    ]);
    expect(r.map((s) => [s.engineerId, s.score])).toEqual([
      ['h', 40],
      ['g', 30],
      ['m', 20],
    ]);
  });

  it('matches a region by prefix but not the other way round', () => {
    const r = rankEngineers({ ...job, category: null, trade: null }, [
      eng({ id: 'province', regions: ['上海', '江苏'] }),
      eng({ id: 'other', regions: ['江苏苏州'] }),
      eng({ id: 'city', regions: ['江苏南京市'] }),
    ]);
    expect(r[0]).toMatchObject({ engineerId: 'province', score: 45 });
    expect(r[0]!.reasons[0]).toMatchObject({ code: 'region', points: 25 });
    expect(r[0]!.reasons[0]!.message).toContain('江苏');
    expect(r.slice(1).every((s) => s.score === 20)).toBe(true);
  });

  it('prefers the dealer own engineers', () => {
    const r = rankEngineers({ ...job, dealerId: 'd1' }, [
      eng({ id: 'centre', name: '甲' }),
      eng({ id: 'dealer', name: '乙', dealerId: 'd1', serviceCentreId: null }),
    ]);
    expect(ids(r)).toEqual(['dealer', 'centre']);
    expect(r[0]!.reasons.find((x) => x.code === 'same_dealer')?.points).toBe(15);
  });

  it('scores load to one decimal and sinks a full engineer', () => {
    const r = rankEngineers(job, [
      eng({ id: 'full', skills: ['excavator'], openOrders: 5, capacity: 5 }),
      eng({ id: 'third', openOrders: 1, capacity: 3 }),
      eng({ id: 'nocap', capacity: 0 }),
    ]);
    expect(ids(r)).toEqual(['third', 'full', 'nocap']);
    expect(r[0]!.reasons.at(-1)).toMatchObject({ code: 'load', points: 13.3 });
    expect(r[0]!.score).toBe(13.3);
    expect(r[1]).toMatchObject({ score: 10 });
    expect(codes(r[1]!)).toContain('full');
  });

  it('sinks an off-duty engineer below a weaker one on duty', () => {
    const r = rankEngineers(job, [
      eng({ id: 'off', skills: ['excavator'], trade: 'hydraulic', worksOnDay: false }),
      eng({ id: 'on', regions: ['江苏'] }),
    ]);
    expect(ids(r)).toEqual(['on', 'off']);
    expect(r[1]!.reasons.at(-1)).toMatchObject({ code: 'off_duty', points: -50 });
    expect(r[1]!.score).toBe(30);
  });

  it('gives a free day +10 only when the deadline is within 8 hours or past', () => {
    const cands = [eng({ id: 'busy', ordersOnDay: 2 }), eng({ id: 'free', ordersOnDay: 0, name: '赵' })];
    const at = (h: number) => new Date(now.getTime() + h * 3_600_000);
    const soon = rankEngineers({ ...job, deadlineAt: at(8) }, cands);
    expect(ids(soon)).toEqual(['free', 'busy']);
    expect(codes(soon[0]!)).toContain('free_today');
    expect(codes(rankEngineers({ ...job, deadlineAt: at(-3) }, cands)[0]!)).toContain('free_today');
    const later = rankEngineers({ ...job, deadlineAt: at(8.01) }, cands);
    expect(later.flatMap(codes)).not.toContain('free_today');
  });

  it('breaks ties by open orders, then by name in zh-CN order', () => {
    const r = rankEngineers({ ...job, category: null, trade: null, region: null }, [
      eng({ id: 'z', name: '赵六', openOrders: 1, capacity: 10 }),
      eng({ id: 'w', name: '王五', openOrders: 1, capacity: 10 }),
      eng({ id: 'l', name: '李四', openOrders: 2, capacity: 20 }),
    ]);
    // All score 18; 李四 has more open orders; 王 (wáng) before 赵 (zhào).
    expect(r.map((s) => s.score)).toEqual([18, 18, 18]);
    expect(ids(r)).toEqual(['w', 'z', 'l']);
  });

  it('applies the limit', () => {
    const cands = Array.from({ length: 20 }, (_, i) => eng({ id: `e${i}`, openOrders: i % 5 }));
    expect(rankEngineers(job, cands)).toHaveLength(10);
    expect(rankEngineers(job, cands, 3)).toHaveLength(3);
    expect(rankEngineers(job, cands, 0)).toEqual([]);
    expect(rankEngineers(job, [])).toEqual([]);
  });

  it('with empty needs ranks on load alone', () => {
    const empty: JobNeeds = {
      trade: null,
      category: null,
      region: null,
      dealerId: null,
      deadlineAt: null,
      now,
    };
    const r = rankEngineers(empty, [eng({ id: 'a', openOrders: 4 }), eng({ id: 'b', openOrders: 1 })]);
    expect(ids(r)).toEqual(['b', 'a']);
    expect(r.map((s) => codes(s))).toEqual([['load'], ['load']]);
    expect(r.map((s) => s.score)).toEqual([16, 4]);
  });

  // Its speed is measured by `npm run bench` (bench/work-orders.ts), not asserted here.
  it('ranks 500 candidates, best first, and keeps the limit', () => {
    const cands = Array.from({ length: 500 }, (_, i) =>
      eng({
        id: `e${i}`,
        name: `工程师${i}`,
        skills: i % 3 ? ['excavator'] : [],
        regions: i % 4 ? ['江苏'] : ['浙江'],
        trade: i % 2 ? 'hydraulic' : 'general',
        openOrders: i % 7,
        worksOnDay: i % 11 !== 0,
      }),
    );
    const r = rankEngineers(job, cands, 500);
    expect(r).toHaveLength(500);
    expect(rankEngineers(job, cands, 20)).toEqual(r.slice(0, 20));
    for (let i = 1; i < r.length; i++) expect(r[i - 1]!.score).toBeGreaterThanOrEqual(r[i]!.score);
  });
});
