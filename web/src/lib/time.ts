import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);

// The business runs on Beijing time; showing the browser's zone would confuse staff travelling or abroad.
export const TIME_ZONE = 'Asia/Shanghai';
export const TIME_FORMAT = 'YYYY-MM-DD HH:mm';

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format(TIME_FORMAT) : iso;
}

export function isFuture(iso: string | null | undefined): boolean {
  return !!iso && dayjs(iso).isAfter(dayjs());
}

/**
 * A date picked in the UI is a calendar day in Beijing, whatever the browser's zone:
 * turn it into the ISO instant where that day starts or ends there.
 */
export function shanghaiDayBoundary(day: dayjs.Dayjs, edge: 'start' | 'end'): string {
  const d = dayjs.tz(day.format('YYYY-MM-DD'), TIME_ZONE);
  return (edge === 'start' ? d.startOf('day') : d.endOf('day')).toISOString();
}

export { dayjs };

export const DATE_FORMAT = 'YYYY-MM-DD';

/** The Beijing calendar day of an instant, e.g. a delivery date stored as Shanghai midnight. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIME_ZONE).format(DATE_FORMAT) : iso;
}

/**
 * Warranty ends are exclusive (the first instant no longer covered); people expect the last
 * covered day, which is the day before in Beijing.
 */
export function lastCoveredDay(exclusiveEnd: string | null | undefined): string {
  if (!exclusiveEnd) return '';
  return dayjs(exclusiveEnd).tz(TIME_ZONE).subtract(1, 'day').format(DATE_FORMAT);
}

/**
 * A date-time picked in the UI means Beijing wall-clock time whatever the browser's zone;
 * the picker's own zone is ignored and only its digits are kept.
 */
export function shanghaiInstant(d: dayjs.Dayjs): string {
  return dayjs.tz(d.format('YYYY-MM-DDTHH:mm:ss'), TIME_ZONE).toISOString();
}

/**
 * Form.Item props for a date-only DatePicker whose form value stays the API's 'YYYY-MM-DD'
 * (a Beijing calendar day): plain strings make diffs for PATCH and create bodies trivial.
 */
export const dateFieldProps = {
  getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
  normalize: (value: dayjs.Dayjs | null | undefined) => (value ? value.format(DATE_FORMAT) : null),
};

/**
 * The picker value that shows an instant's Beijing wall-clock time (now by default); the inverse
 * of shanghaiInstant, so a round trip through a date-time picker keeps the instant.
 */
export function shanghaiPickerValue(iso?: string | null): dayjs.Dayjs {
  const d = iso ? dayjs(iso) : dayjs();
  return dayjs(d.tz(TIME_ZONE).format('YYYY-MM-DDTHH:mm:ss'));
}
