import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Flex, List, Popover, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChargeLine, ChargeReason, Charges } from '../../api/field-types';
import { formatFen } from '../../lib/format';
import { CoverageTag, PayerTag } from './common';

const UNIT_KEYS: Record<string, string> = { min: 'min', km: 'km', 件: 'piece' };

export const unitLabel = (t: TFunction, unit: string) =>
  UNIT_KEYS[unit] ? t(`field.units.${UNIT_KEYS[unit]}`) : unit;

function unitPrice(t: TFunction, l: ChargeLine): string {
  if (l.unitFen === 0) return '';
  if (l.kind === 'labour') return `${formatFen(l.unitFen)}${t('charges.perHour')}`;
  if (l.kind === 'travel') return `${formatFen(l.unitFen)}${t('charges.perKm')}`;
  return formatFen(l.unitFen);
}

/** Every reason with the clause it rests on, in the reader's language. */
export function ChargeReasons({ reasons }: { reasons: ChargeReason[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <ol style={{ margin: 0, paddingLeft: 20, maxWidth: 420 }} data-testid="charge-reasons">
      {reasons.map((r, i) => (
        <li
          key={`${r.code}:${i}`}
          data-testid="charge-reason"
          data-code={r.code}
          style={{ padding: '2px 0' }}
        >
          {r.clause && <Tag color="blue">{t('charges.clause', { ref: r.clause })}</Tag>}
          {en && r.messageEn ? r.messageEn : r.message}
        </li>
      ))}
    </ol>
  );
}

export function lineText(lang: string, l: Pick<ChargeLine, 'description' | 'descriptionEn'>): string {
  return lang === 'en' && l.descriptionEn ? l.descriptionEn : l.description;
}

function Problems({ charges }: { charges: Charges }) {
  const { i18n } = useTranslation();
  if (!charges.problems?.length) return null;
  return (
    <Space vertical style={{ width: '100%', marginBottom: 12 }}>
      {charges.problems.map((p) => (
        <Alert
          key={`${p.code}:${p.coverage}`}
          type="warning"
          showIcon
          data-testid="charge-problem"
          title={i18n.language === 'en' && p.messageEn ? p.messageEn : p.message}
        />
      ))}
    </Space>
  );
}

export function ChargeTotals({
  charges,
  showCompanyCost = true,
}: {
  charges: Charges;
  showCompanyCost?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      style={{ marginTop: 12, maxWidth: 420, marginLeft: 'auto' }}
      data-testid="charge-totals"
      items={[
        { key: 'net', label: t('charges.customerNet'), children: formatFen(charges.customerNetFen) },
        { key: 'tax', label: t('charges.tax'), children: formatFen(charges.taxFen) },
        {
          key: 'total',
          label: <strong>{t('charges.total')}</strong>,
          children: (
            <strong data-testid="charge-total" data-fen={charges.customerTotalFen}>
              {formatFen(charges.customerTotalFen)}
            </strong>
          ),
        },
        ...(showCompanyCost
          ? [
              {
                key: 'company',
                label: t('charges.companyCost'),
                children: <span data-testid="charge-company-cost">{formatFen(charges.companyCostFen)}</span>,
              },
            ]
          : []),
      ]}
    />
  );
}

/**
 * 费用: each line with what it is worth, who pays it and why (clause and message), then the totals.
 * The same lines the quote and the signed record carry, so the desk can explain every figure.
 */
export function ChargesTable({
  charges,
  showCompanyCost = true,
  testId = 'charges',
}: {
  charges: Charges | null | undefined;
  showCompanyCost?: boolean;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const internal = showCompanyCost;
  if (!charges || charges.lines.length === 0)
    return (
      <div data-testid={testId}>
        {charges && <Problems charges={charges} />}
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charges.empty')} />
      </div>
    );
  const columns: ColumnsType<ChargeLine> = [
    {
      title: t('charges.line'),
      key: 'line',
      render: (_, l) => (
        <Space vertical size={0}>
          <span>{lineText(i18n.language, l)}</span>
          {l.priceListCode && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('charges.priceList', { code: l.priceListCode })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('charges.quantity'),
      key: 'qty',
      align: 'right',
      render: (_, l) => `${l.quantity} ${unitLabel(t, l.unit)}`,
    },
    // A free line is valued at the company's cost price, which customers are not shown.
    {
      title: t('charges.unitPrice'),
      key: 'unit',
      align: 'right',
      render: (_, l) => (internal || l.payer === 'customer' ? unitPrice(t, l) : ''),
    },
    {
      title: t('charges.amount'),
      key: 'amount',
      align: 'right',
      render: (_, l) => (internal || l.payer === 'customer' ? formatFen(l.amountFen) : ''),
    },
    {
      title: t('charges.customerPays'),
      key: 'customer',
      align: 'right',
      render: (_, l) => <span data-testid="charge-customer-fen">{formatFen(l.customerFen)}</span>,
    },
    {
      title: t('charges.coverage'),
      key: 'coverage',
      render: (_, l) => <CoverageTag coverage={l.coverage} />,
    },
    { title: t('charges.payer'), key: 'payer', render: (_, l) => <PayerTag payer={l.payer} /> },
    {
      title: t('charges.reasons'),
      key: 'reasons',
      render: (_, l) => (
        <Popover title={t('charges.reasons')} content={<ChargeReasons reasons={l.reasons} />} trigger="click">
          <Button size="small" type="link" icon={<InfoCircleOutlined aria-hidden />} data-testid="charge-why">
            {t('charges.why')}
          </Button>
        </Popover>
      ),
    },
  ];
  return (
    <div data-testid={testId}>
      <Problems charges={charges} />
      <Table<ChargeLine>
        rowKey={(l, i) => `${l.kind}:${l.ref ?? ''}:${i}`}
        size="small"
        columns={columns}
        dataSource={charges.lines}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(l) => ({ 'data-testid': 'charge-line', 'data-kind': l.kind }) as HTMLAttributes<HTMLElement>}
        expandable={{
          expandedRowRender: (l) => <ChargeReasons reasons={l.reasons} />,
          rowExpandable: (l) => l.reasons.length > 0,
        }}
      />
      <ChargeTotals charges={charges} showCompanyCost={showCompanyCost} />
    </div>
  );
}

/** The phone's version: one line per charge with who pays it, big enough to read to the customer. */
export function ChargesSummary({ charges }: { charges: Charges | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!charges || charges.lines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('charges.empty')} />;
  return (
    <div data-testid="charges-summary">
      <Problems charges={charges} />
      <List
        dataSource={charges.lines}
        renderItem={(l) => (
          <List.Item data-testid="charge-line" data-payer={l.payer}>
            <Flex vertical style={{ width: '100%' }} gap={4}>
              <Flex justify="space-between" gap={8}>
                <span>{lineText(i18n.language, l)}</span>
                <strong style={{ whiteSpace: 'nowrap' }}>
                  {l.payer === 'customer' ? formatFen(l.customerFen) : formatFen(0)}
                </strong>
              </Flex>
              <Flex gap={4} wrap align="center">
                <PayerTag payer={l.payer} />
                <CoverageTag coverage={l.coverage} />
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  {/* What a free line costs the company is its cost price: not for the customer's eyes. */}
                  {l.payer === 'customer' ? t('mobile.youPay') : t('mobile.companyPays')}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      {charges.customerTotalFen === 0 ? (
        <Alert type="success" showIcon title={t('mobile.free')} />
      ) : (
        <ChargeTotals charges={charges} showCompanyCost={false} />
      )}
    </div>
  );
}
