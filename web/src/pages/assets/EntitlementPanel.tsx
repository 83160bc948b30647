import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Descriptions, Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage, Entitlement } from '../../api/catalog-types';
import { formatHoursLimit } from '../../lib/format';
import { formatDate, lastCoveredDay } from '../../lib/time';
import { ServiceTiersPanel } from './ServiceTiersPanel';

// Free is what the customer hopes for, "cost plus profit" what needs a quote first.
const COVERAGE_COLOURS: Record<Coverage, string> = { free: 'green', cost: 'orange', charged: 'red' };

export function CoverageTag({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={COVERAGE_COLOURS[coverage]}
      data-testid="entitlement-coverage"
      data-coverage={coverage}
      style={{ fontSize: 14, padding: '2px 10px' }}
    >
      {t(`entitlement.coverages.${coverage}`)}
    </Tag>
  );
}

/**
 * One entitlement decision: the verdict first (big), then the dates and limits behind it, then
 * every reason with the policy clause it rests on, so staff can quote the clause to the customer.
 */
export function EntitlementPanel({ result, testId }: { result: Entitlement; testId: string }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const en = i18n.language === 'en';
  const part = result.partWarranty;
  const colour = result.inWarranty ? token.colorSuccess : token.colorError;

  return (
    <div data-testid={testId} data-in-warranty={String(result.inWarranty)} data-coverage={result.coverage}>
      <Flex align="center" gap="middle" wrap style={{ marginBottom: 12 }}>
        <span
          data-testid="entitlement-status"
          data-state={result.inWarranty ? 'in' : 'out'}
          style={{ fontSize: 28, fontWeight: 600, color: colour }}
        >
          {result.inWarranty ? <CheckCircleFilled aria-hidden /> : <CloseCircleFilled aria-hidden />}{' '}
          {result.inWarranty ? t('entitlement.inWarranty') : t('entitlement.outOfWarranty')}
        </span>
        <CoverageTag coverage={result.coverage} />
      </Flex>
      {result.quoteRequired && (
        <Alert
          type="warning"
          showIcon
          data-testid="entitlement-quote"
          title={t('entitlement.quoteRequired')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'start',
            label: t('entitlement.warrantyStart'),
            children: (
              <span data-testid="entitlement-start">
                {result.warrantyStart ? formatDate(result.warrantyStart) : t('entitlement.noStart')}
              </span>
            ),
          },
          {
            key: 'end',
            label: t('entitlement.lastCoveredDay'),
            children: (
              <span data-testid="entitlement-end">
                {result.warrantyEnd ? lastCoveredDay(result.warrantyEnd) : t('entitlement.noStart')}
              </span>
            ),
          },
          {
            key: 'hours',
            label: t('entitlement.hoursLimit'),
            children: <span data-testid="entitlement-hours">{formatHoursLimit(t, result.hoursLimit)}</span>,
          },
          {
            key: 'policy',
            label: t('entitlement.policy'),
            children: t('entitlement.policyVersion', {
              name: result.policy.name,
              version: result.policy.version,
            }),
          },
          ...(part
            ? [
                {
                  key: 'part',
                  label: t('entitlement.partWarranty'),
                  span: 2,
                  children: (
                    <span data-testid="entitlement-part" data-in-warranty={String(part.inWarranty)}>
                      <Tag color={part.inWarranty ? 'green' : 'default'}>
                        {part.inWarranty ? t('entitlement.partIn') : t('entitlement.partOut')}
                      </Tag>
                      {t('entitlement.partUntil', { part: part.partCode, day: lastCoveredDay(part.until) })}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {result.serviceTiers && <ServiceTiersPanel tiers={result.serviceTiers} />}
      <Typography.Text strong style={{ display: 'block', marginTop: 8 }}>
        {t('entitlement.reasons')}
      </Typography.Text>
      <ol data-testid="entitlement-reasons" style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {result.reasons.map((r) => (
          <li
            key={`${r.code}:${r.message}`}
            data-testid="entitlement-reason"
            data-code={r.code}
            data-clause={r.clause ?? ''}
            style={{ padding: '4px 0', borderBottom: `1px solid ${token.colorSplit}` }}
          >
            {r.clause && (
              <Tag color="blue" data-testid="entitlement-clause">
                {t('entitlement.clause', { ref: r.clause })}
              </Tag>
            )}
            <span data-testid="entitlement-message">{en ? r.messageEn : r.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
