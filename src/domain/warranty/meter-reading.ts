// The rules of an hour-meter reading, wherever it is taken (the asset's page, a work order on site):
// a meter only goes forward, so a reading fits between the asset's readings around its instant, and
// it is never negative nor read in the future (a day of slack for clocks and time zones).

export type NeighbourReadings = { before?: { hours: number } | null; after?: { hours: number } | null };

export type ReadingIssue = { field: 'hours' | 'readAt'; message: string };

export const FUTURE_SLACK_MS = 24 * 3_600_000;

export const readingIssue = (
  reading: { hours: number; readAt: Date },
  now: Date,
  { before, after }: NeighbourReadings,
): ReadingIssue | null => {
  if (!Number.isFinite(reading.hours) || reading.hours < 0)
    return { field: 'hours', message: 'must not be negative' };
  if (reading.readAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    return { field: 'readAt', message: 'is in the future' };
  if (before && reading.hours < before.hours)
    return { field: 'hours', message: `is below the earlier reading of ${before.hours} h` };
  if (after && reading.hours > after.hours)
    return { field: 'hours', message: `is above the later reading of ${after.hours} h` };
  return null;
};
