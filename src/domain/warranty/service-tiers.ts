import { addMonthsExclusive, localDay, startOfLocalDay, zoneFor } from './zoned-calendar.ts';

// Software service tiers [seed 000 第一篇]: some items are free for life, some free in the first
// year only, and after that an annual service fee of a share of the standard list price applies.

export type ServiceTiers = { lifetimeFree: string[]; firstYearFree: string[]; annualFeeRate: number };

export type ServiceTierStatus = {
  lifetimeFree: string[];
  firstYearFree: string[];
  /** Exclusive end of the first (free) year: local 00:00 of the first day after it. */
  firstYearEndsAt: Date;
  inFirstYear: boolean;
  /** Annual service fee after the first year, in fen; null without a list price. */
  annualFeeFen: number | null;
  clause: string;
  message: string;
  messageEn: string;
};

export const serviceTierStatus = (opts: {
  tiers: ServiceTiers;
  start: Date;
  at: Date;
  listPriceFen: number | null;
  timeZone?: string;
}): ServiceTierStatus => {
  const zone = zoneFor(opts.timeZone ?? 'Asia/Shanghai');
  const endDay = addMonthsExclusive(localDay(zone, opts.start.getTime()), 12);
  const firstYearEndsAt = new Date(startOfLocalDay(zone, endDay));
  const inFirstYear = opts.at.getTime() < firstYearEndsAt.getTime();
  const annualFeeFen =
    opts.listPriceFen === null ? null : Math.round(opts.listPriceFen * opts.tiers.annualFeeRate);
  const pct = `${Math.round(opts.tiers.annualFeeRate * 1000) / 10}%`;
  const fee = annualFeeFen === null ? '' : `（¥${(annualFeeFen / 100).toFixed(2)}）`;
  return {
    lifetimeFree: opts.tiers.lifetimeFree,
    firstYearFree: opts.tiers.firstYearFree,
    firstYearEndsAt,
    inFirstYear,
    annualFeeFen,
    clause: '第一篇',
    message: inFirstYear
      ? `免费服务期内：终身免费项目与首年免费项目均免费；期满后按标准价 ${pct} 收取年服务费${fee}`
      : `首年免费期已过：仅终身免费项目免费，其他服务按标准价 ${pct} 收取年服务费${fee}`,
    messageEn: inFirstYear
      ? `Within the free first year: lifetime and first-year items are free; afterwards an annual fee of ${pct} of the list price applies`
      : `First free year is over: only lifetime items are free; other service needs the annual fee of ${pct} of the list price`,
  };
};
