import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ServiceTierStatus } from '../../api/catalog-types';
import { formatFen } from '../../lib/format';
import { lastCoveredDay } from '../../lib/time';

function Items({ items, free, testId }: { items: string[]; free: boolean; testId: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Typography.Text type="secondary">{t('serviceTiers.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId} data-free={String(free)}>
      {items.map((item) => (
        <Tag key={item} color={free ? 'green' : 'default'}>
          {item}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * Software policies (第一篇): which service items are free right now, when the free first year
 * ends, and the annual fee after it — the answer to "do we charge for this visit?".
 */
export function ServiceTiersPanel({ tiers }: { tiers: ServiceTierStatus }) {
  const { t, i18n } = useTranslation();
  const inFirst = tiers.inFirstYear;
  return (
    <div
      data-testid="entitlement-service-tiers"
      data-in-first-year={String(inFirst)}
      style={{ marginTop: 12 }}
    >
      <Space wrap style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('serviceTiers.title')}</Typography.Text>
        <Tag color={inFirst ? 'green' : 'orange'} data-testid="service-tiers-phase">
          {inFirst ? t('serviceTiers.inFirstYear') : t('serviceTiers.afterFirstYear')}
        </Tag>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'lifetime',
            label: t('serviceTiers.lifetimeFree'),
            span: 2,
            children: <Items items={tiers.lifetimeFree} free testId="service-tiers-lifetime" />,
          },
          {
            key: 'firstYear',
            label: t('serviceTiers.firstYearFree'),
            span: 2,
            children: (
              <Space size={4} wrap>
                <Items items={tiers.firstYearFree} free={inFirst} testId="service-tiers-first-year" />
                {!inFirst && tiers.firstYearFree.length > 0 && (
                  <Tag color="red">{t('serviceTiers.expired')}</Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'ends',
            label: t('serviceTiers.firstYearEnds'),
            children: <span data-testid="service-tiers-ends">{lastCoveredDay(tiers.firstYearEndsAt)}</span>,
          },
          {
            key: 'fee',
            label: t('serviceTiers.annualFee'),
            children: (
              <span data-testid="service-tiers-fee" data-fen={tiers.annualFeeFen ?? ''}>
                {tiers.annualFeeFen === null ? t('serviceTiers.noPrice') : formatFen(tiers.annualFeeFen)}
              </span>
            ),
          },
        ]}
      />
      <div data-testid="service-tiers-message">
        <Tag color="blue">{t('entitlement.clause', { ref: tiers.clause })}</Tag>
        {i18n.language === 'en' ? tiers.messageEn : tiers.message}
      </div>
    </div>
  );
}
