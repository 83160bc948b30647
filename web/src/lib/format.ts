import type { TFunction } from 'i18next';
import nzh from 'nzh/cn';

const yuan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Prices travel as integer fen so no rounding ever happens in transit; people read yuan. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `¥${yuan.format(fen / 100)}`;
}

/** InputNumber works in yuan; the form value (and the API) stays in fen. */
export const fenFieldProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'number' ? value / 100 : value }),
  normalize: (value: number | null | undefined) =>
    value === null || value === undefined ? null : Math.round(value * 100),
};

/** `null` hour limits mean "no limit", which must read as such rather than as an empty cell. */
export function formatHoursLimit(t: TFunction, hours: number | null | undefined): string {
  if (hours === undefined) return '';
  return hours === null ? t('catalog.unlimited') : `${hours} h`;
}

export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '' : `${hours} h`;
}

/**
 * Minutes as people say them: "1 天 2 小时", "3 小时 5 分钟". SLA figures are business minutes, so
 * a "day" here is only a readable unit of 24 h, not a working day.
 */
export function formatDuration(t: TFunction, minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  if (total === 0) return t('duration.zero');
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(t('duration.days', { n: days }));
  if (hours) parts.push(t('duration.hours', { n: hours }));
  // Past a day the minutes are noise.
  if (mins && !days) parts.push(t('duration.minutes', { n: mins }));
  return parts.join(' ');
}

/** The amount as finance writes it on a voucher: 人民币壹仟贰佰叁拾肆元伍角 (fen are exact integers). */
export function fenInCapitals(fen: number): string {
  // A number, not "1299.00": the string form drops the 整 of a whole-yuan amount.
  return nzh.toMoney(fen / 100);
}
