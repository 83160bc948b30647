// 派工建议: rank engineers for a work order by skill, trade, region, dealer and load [SPEC §2.5].
// The dispatcher decides; the score only orders the list, and every point has a reason to show.
//
// Weights (points):
//   skill       +40  the job's product category is among the engineer's skills (0 + `no_skill` if not)
//   trade       +20  same trade (工种) as the job needs; +10 for a `general` engineer (0 + `other_trade`)
//   region      +25  the job's region is one of the engineer's, or starts with one ('江苏' covers
//                    '江苏南京') (0 + `other_region`)
//   dealer      +15  the engineer belongs to the job's dealer: a dealer serves its own customers
//                    and may not push them to the company [SPEC §2.9]
//   load        +20 × (1 − open/capacity), 1 decimal; −30 (`full`) at or over capacity
//   free_today  +10  deadline within 8 hours (or past) and no orders on the planned day
//   off_duty    −50  the engineer's calendar has no working hours on the planned day
// Skill outweighs region (40 > 25) because a wrong specialist needs a second trip; off duty
// outweighs any single match. Ties: fewer open orders, then name (zh-CN collation), then id.

export type EngineerCandidate = {
  id: string;
  name: string;
  trade: string;
  skills: string[];
  regions: string[];
  dealerId: string | null;
  serviceCentreId: string | null;
  openOrders: number;
  capacity: number;
  /** Orders already on the planned day. */
  ordersOnDay: number;
  /** Its calendar has working hours on the planned day. */
  worksOnDay: boolean;
};

export type JobNeeds = {
  trade: string | null;
  category: string | null;
  region: string | null;
  dealerId: string | null;
  deadlineAt: Date | null;
  now: Date;
};

export type SuggestionReason = { code: string; points: number; message: string; messageEn: string };

export type Suggestion = { engineerId: string; name: string; score: number; reasons: SuggestionReason[] };

export const WEIGHTS = {
  skill: 40,
  trade: 20,
  generalTrade: 10,
  region: 25,
  dealer: 15,
  load: 20,
  full: -30,
  freeToday: 10,
  offDuty: -50,
} as const;

/** A deadline this close (or past) makes an engineer with a free day worth more. */
export const URGENT_WITHIN_MS = 8 * 60 * 60 * 1000;

const collator = new Intl.Collator('zh-CN');
const round1 = (x: number) => Math.round(x * 10) / 10;

const regionMatch = (want: string, regions: string[]): string | null => {
  for (const r of regions) if (r !== '' && (r === want || want.startsWith(r))) return r;
  return null;
};

const score = (job: JobNeeds, urgent: boolean, e: EngineerCandidate): Suggestion => {
  const reasons: SuggestionReason[] = [];
  const add = (code: string, points: number, message: string, messageEn: string) =>
    reasons.push({ code, points, message, messageEn });

  if (job.category !== null) {
    if (e.skills.includes(job.category))
      add('skill', WEIGHTS.skill, `具备${job.category}维修技能`, `Qualified for ${job.category}`);
    else add('no_skill', 0, `不具备${job.category}维修技能`, `Not qualified for ${job.category}`);
  }
  if (job.trade !== null) {
    if (e.trade === job.trade)
      add('trade', WEIGHTS.trade, `工种对口（${e.trade}）`, `Same trade (${e.trade})`);
    else if (e.trade === 'general')
      add('general_trade', WEIGHTS.generalTrade, '通用工种', `General trade (job needs ${job.trade})`);
    else
      add('other_trade', 0, `工种不对口（${e.trade}）`, `Other trade (${e.trade}, job needs ${job.trade})`);
  }
  if (job.region !== null) {
    const r = regionMatch(job.region, e.regions);
    if (r !== null) add('region', WEIGHTS.region, `负责区域${r}`, `Covers region ${r}`);
    else add('other_region', 0, `不负责${job.region}`, `Does not cover ${job.region}`);
  }
  if (job.dealerId !== null && e.dealerId === job.dealerId) {
    add('same_dealer', WEIGHTS.dealer, '属于该经销商', "Belongs to the job's dealer");
  }
  if (e.capacity <= 0 || e.openOrders >= e.capacity) {
    add(
      'full',
      WEIGHTS.full,
      `已满负荷（${e.openOrders}/${e.capacity}）`,
      `Full (${e.openOrders}/${e.capacity})`,
    );
  } else {
    const pts = round1(WEIGHTS.load * (1 - Math.max(0, e.openOrders) / e.capacity));
    add('load', pts, `负荷 ${e.openOrders}/${e.capacity}`, `Load ${e.openOrders}/${e.capacity}`);
  }
  if (urgent && e.ordersOnDay === 0) {
    add(
      'free_today',
      WEIGHTS.freeToday,
      '期限紧迫，当日无其他工单',
      'Deadline close and no other orders that day',
    );
  }
  if (!e.worksOnDay) add('off_duty', WEIGHTS.offDuty, '当日不在班', 'Off duty that day');

  const total = round1(reasons.reduce((s, r) => s + r.points, 0));
  return { engineerId: e.id, name: e.name, score: total, reasons };
};

/** The best `limit` engineers for the job, best first. O(n log n), one sort. */
export const rankEngineers = (job: JobNeeds, candidates: EngineerCandidate[], limit = 10): Suggestion[] => {
  const urgent = job.deadlineAt !== null && job.deadlineAt.getTime() - job.now.getTime() <= URGENT_WITHIN_MS;
  const scored = candidates.map((e) => ({ s: score(job, urgent, e), open: e.openOrders }));
  scored.sort(
    (a, b) =>
      b.s.score - a.s.score ||
      a.open - b.open ||
      collator.compare(a.s.name, b.s.name) ||
      (a.s.engineerId < b.s.engineerId ? -1 : a.s.engineerId > b.s.engineerId ? 1 : 0),
  );
  return scored.slice(0, Math.max(0, limit)).map((x) => x.s);
};
