import type { TFunction } from 'i18next';

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
