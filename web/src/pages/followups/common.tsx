import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitStatus, VisitSummary } from '../../api/followup-types';
import { scoreText } from '../../lib/followup-lookups';

const STATUS_COLORS: Record<VisitStatus, string> = {
  open: 'gold',
  done: 'green',
  unreachable: 'orange',
  cancelled: 'default',
};
// The document gives both statuses as plain strings: an unknown one gets the default colour.
const FOLLOW_UP_COLORS: Partial<Record<VisitSummary['followUpStatus'], string>> = {
  none: 'default',
  open: 'red',
  done: 'green',
};

export function VisitStatusTag({ status }: { status: VisitStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`visits.statuses.${status}`)}</Tag>;
}

export function FollowUpTag({ status }: { status: VisitSummary['followUpStatus'] }) {
  const { t } = useTranslation();
  if (status === 'none') return null;
  return <Tag color={FOLLOW_UP_COLORS[status]}>{t(`visits.followUpStatuses.${status}`)}</Tag>;
}

/** The visit's score (mean of 1–5) with an 不满意 tag when the customer was unhappy. */
export function VisitScore({ visit }: { visit: Pick<VisitSummary, 'scoreX100' | 'unhappy'> }) {
  const { t } = useTranslation();
  if (visit.scoreX100 === null && !visit.unhappy) return null;
  return (
    <Space size={4}>
      <span>{scoreText(visit.scoreX100)}</span>
      {visit.unhappy && <Tag color="red">{t('visits.unhappy')}</Tag>}
    </Space>
  );
}

/** Whether the answers make the customer unhappy: the server's rule (any score ≤ 2, or a mean below 3). */
export function isUnhappy(scores: (number | null | undefined)[]): boolean {
  const given = scores.filter((s): s is number => typeof s === 'number');
  if (given.length === 0) return false;
  const sum = given.reduce((a, b) => a + b, 0);
  return given.some((s) => s <= 2) || sum < 3 * given.length;
}
