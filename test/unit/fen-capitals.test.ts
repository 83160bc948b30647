import { describe, expect, it } from 'vitest';
import { fenInCapitals } from '../../web/src/lib/format.ts';

// The refund voucher's amount in Chinese capitals (大写金额), from integer fen.
describe('fenInCapitals', () => {
  it.each([
    [129_900, '人民币壹仟贰佰玖拾玖元整'],
    [123_450, '人民币壹仟贰佰叁拾肆元伍角'],
    [29, '人民币贰角玖分'],
    [5, '人民币伍分'],
    [1_000_000_001, '人民币壹仟万元零壹分'],
    [10_050, '人民币壹佰元伍角'], // the 零 after 元 is optional by the payment rules,
  ])('%i fen → %s', (fen, words) => {
    expect(fenInCapitals(fen)).toBe(words);
  });
});
