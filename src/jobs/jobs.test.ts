import { describe, expect, it } from 'vitest';
import { inlineJobs } from './jobs.ts';

describe('inline jobs', () => {
  it('runs the handler at once and records its failure', async () => {
    const seen: unknown[] = [];
    const jobs = inlineJobs(() => ({
      'survey-send': async (d) => {
        seen.push(d);
      },
      'notify-sweep': async () => {
        throw new Error('smtp down');
      },
    }));
    await jobs.enqueue('survey-send', { period: '2026-Q1' });
    expect(seen).toEqual([{ period: '2026-Q1' }]);
    await expect(jobs.enqueue('notify-sweep', {})).rejects.toThrow('smtp down');
    expect(jobs.errors).toHaveLength(1);
  });

  it('fails loudly for a job nobody handles, instead of dropping it', async () => {
    const jobs = inlineJobs(() => ({}));
    await expect(jobs.enqueue('report-daily', {})).rejects.toThrow(
      'no handler registered for job report-daily',
    );
  });
});
