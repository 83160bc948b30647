import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LastReview } from '../../api/catalog-types';
import { kindLabel } from './common';

/** Before/after of a review change: customer kinds for a promotion, archive states for archiving. */
export function reviewSide(t: TFunction, change: string, value: string): string {
  if (change === 'promote') return kindLabel(t, value);
  if (value === 'archived') return t('customers.statusArchived');
  if (value === 'active') return t('customers.statusActive');
  return value;
}

/** Manual runs are stored as "2026-H2/manual/<time>"; people only need the half year. */
export const periodLabel = (period: string) => period.split('/')[0] ?? period;

/** What the half-yearly review last did to this customer, with the rule it applied. */
export function LastReviewNote({ review }: { review: LastReview | null }) {
  const { t, i18n } = useTranslation();
  if (!review) return null;
  return (
    <Space vertical size={2} data-testid="customer-last-review" data-change={review.change}>
      <Space size={4} wrap>
        <Tag color={review.change === 'archive' ? 'default' : 'blue'}>
          {t(`reviews.changeTypes.${review.change}`, { defaultValue: review.change })}
        </Tag>
        <span>
          {reviewSide(t, review.change, review.from)} → {reviewSide(t, review.change, review.to)}
        </span>
        <Tag color="geekblue">{t('entitlement.clause', { ref: review.clause })}</Tag>
        <Typography.Text type="secondary">
          {t('reviews.lastPeriod', { period: periodLabel(review.period) })}
        </Typography.Text>
      </Space>
      <Typography.Text>{i18n.language === 'en' ? review.messageEn : review.message}</Typography.Text>
    </Space>
  );
}
