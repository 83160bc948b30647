import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../api/catalog-types';
import { useAttachmentLabel } from '../../lib/catalog-lookups';
import { formatHoursLimit } from '../../lib/format';
import { formatTime } from '../../lib/time';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section data-testid={testId} style={{ marginTop: 20 }}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {children}
    </section>
  );
}

const none = (text: string) => (
  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} style={{ margin: 8 }} />
);

/** Every term of one policy version, as staff need it when arguing a claim with a customer. */
export function PolicyTerms({ policy }: { policy: Policy }) {
  const { t } = useTranslation();
  const attachmentLabel = useAttachmentLabel();
  const attachments = Object.entries(policy.attachmentHourReductions);
  const clauses = Object.entries(policy.clauses);
  const tiers = policy.serviceTiers;
  const noneText = t('policies.none');

  return (
    <div data-testid="policy-terms">
      <Descriptions
        bordered
        size="small"
        column={2}
        items={[
          { key: 'name', label: t('policies.name'), children: policy.name, span: 2 },
          {
            key: 'version',
            label: t('policies.version'),
            children: (
              <>
                v{policy.version}{' '}
                {policy.current ? (
                  <Tag color="green">{t('policies.current')}</Tag>
                ) : (
                  <Tag>{t('policies.superseded')}</Tag>
                )}
              </>
            ),
          },
          {
            key: 'startBasis',
            label: t('policies.startBasis'),
            children: t(`policies.startBases.${policy.startBasis}`, { defaultValue: policy.startBasis }),
          },
          { key: 'months', label: t('policies.months'), children: policy.months },
          {
            key: 'hoursLimit',
            label: t('policies.hoursLimit'),
            children: formatHoursLimit(t, policy.hoursLimit),
          },
          { key: 'partMonths', label: t('policies.partMonths'), children: policy.partMonths },
          { key: 'createdAt', label: t('policies.createdAt'), children: formatTime(policy.createdAt) },
          ...(policy.supersededAt
            ? [
                {
                  key: 'supersededAt',
                  label: t('policies.supersededAt'),
                  children: formatTime(policy.supersededAt),
                },
              ]
            : []),
        ]}
      />
      <Section title={t('policies.plans')} testId="policy-plans">
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={policy.plans}
          locale={{ emptyText: noneText }}
          columns={[
            { title: t('policies.planCode'), dataIndex: 'code' },
            { title: t('policies.months'), dataIndex: 'months' },
            {
              title: t('policies.hoursLimit'),
              dataIndex: 'hoursLimit',
              render: (h: number | null) => formatHoursLimit(t, h),
            },
          ]}
        />
      </Section>
      <Section title={t('policies.weightHourLimits')} testId="policy-weights">
        <Table
          size="small"
          pagination={false}
          rowKey="maxWeightT"
          dataSource={policy.weightHourLimits}
          locale={{ emptyText: noneText }}
          columns={[
            { title: t('policies.maxWeightT'), dataIndex: 'maxWeightT' },
            { title: t('policies.hoursLimit'), dataIndex: 'hoursLimit', render: (h: number) => `${h} h` },
          ]}
        />
      </Section>
      <Section title={t('policies.attachmentHourReductions')} testId="policy-attachments">
        {attachments.length === 0
          ? none(noneText)
          : attachments.map(([code, hours]) => (
              <Tag key={code}>
                {attachmentLabel(code)}：−{hours} h
              </Tag>
            ))}
      </Section>
      <Section title={t('policies.clauses')} testId="policy-clauses">
        {clauses.length === 0
          ? none(noneText)
          : clauses.map(([code, ref]) => (
              <Tag key={code}>
                {code} → {ref}
              </Tag>
            ))}
      </Section>
      <Section title={t('policies.serviceTiers')} testId="policy-tiers">
        {tiers ? (
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'life', label: t('policies.lifetimeFree'), children: tiers.lifetimeFree.join('；') },
              { key: 'first', label: t('policies.firstYearFree'), children: tiers.firstYearFree.join('；') },
              {
                key: 'rate',
                label: t('policies.annualFeeRate'),
                children: `${Math.round(tiers.annualFeeRate * 10_000) / 100}%`,
              },
            ]}
          />
        ) : (
          none(noneText)
        )}
      </Section>
      <Section title={t('policies.exclusions')} testId="policy-exclusions">
        {policy.exclusions.length === 0 ? (
          none(noneText)
        ) : (
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {policy.exclusions.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
