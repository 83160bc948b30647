import { describe, expect, it } from 'vitest';
import { FIELD_LABELS } from './field-labels.ts';
import { fieldLabel, fieldSentence, localizeDetails } from './field-text.ts';

describe('fields in words', () => {
  it('reads nested paths in every notation the server writes', () => {
    const lines = FIELD_LABELS.lines!;
    const part = FIELD_LABELS.partId!;
    for (const path of ['lines[0].partId', 'lines.0.partId', '/lines/0/partId', 'body.lines[0].partId'])
      expect(fieldLabel(path, 'zh')).toBe(`${lines.zh}第 1 项的${part.zh}`);
    expect(fieldLabel('lines[1].partId', 'en')).toBe(`${lines.en} #2 ${part.en}`);
    expect(fieldLabel('query.from', 'zh')).toBe(FIELD_LABELS.from!.zh);
    expect(fieldLabel('(body)', 'zh')).toBe('请求内容');
  });

  it('puts the label before the message in each language', () => {
    const e = { field: 'occurredAt', message: 'is after reportedAt' };
    expect(fieldSentence(e, 'zh')).toBe(
      `${FIELD_LABELS.occurredAt!.zh}不能晚于${FIELD_LABELS.reportedAt!.zh}`,
    );
    expect(fieldSentence(e, 'en')).toBe(
      `${FIELD_LABELS.occurredAt!.en} is after ${FIELD_LABELS.reportedAt!.en}`,
    );
  });

  it('localises field lists and leaves other details alone', () => {
    expect(localizeDetails([{ field: 'name', message: 'is required' }], 'zh')).toEqual([
      { field: 'name', label: FIELD_LABELS.name!.zh, message: '不能为空' },
    ]);
    const other = { reason: 'paperwork', field: null };
    expect(localizeDetails(other, 'zh')).toBe(other);
  });
});
