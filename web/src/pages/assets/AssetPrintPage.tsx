import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { assetsApi } from '../../api/catalog';
import type { AssetEvent, MeterReading } from '../../api/catalog-types';
import { LoadFailed } from '../../components/LoadFailed';
import { ASSETS } from '../../lib/catalog-lookups';
import { formatHours, formatHoursLimit } from '../../lib/format';
import { formatDate, formatTime, lastCoveredDay } from '../../lib/time';
import { AssetFacts } from './AssetFacts';
import { EventKindTag, useEvents } from './EventsTab';
import { useReadings } from './ReadingsTab';

// Paper gets the document only: buttons go, and tables do not break a row across pages.
const PRINT_CSS = `
@media print {
  .no-print { display: none !important; }
  body { background: #fff; }
  tr { page-break-inside: avoid; }
  @page { margin: 12mm; }
}
`;

/** Print view of the 售后服务历史登记卡, without menu or header; opened from the machine's page. */
export default function AssetPrintPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const asset = useQuery({ queryKey: [ASSETS, 'detail', id], queryFn: () => assetsApi.get(id) });
  const entitlement = useQuery({
    queryKey: [ASSETS, 'entitlement', id, 'now'],
    queryFn: ({ signal }) => assetsApi.entitlement(id, {}, signal),
  }).data;
  const readings = useReadings(id).data ?? [];
  const events = useEvents(id).data ?? [];
  const a = asset.data;

  if (!a) return <LoadFailed error={asset.error} onRetry={() => void asset.refetch()} />;

  const section = (title: string) => (
    <Typography.Title level={5} style={{ margin: '20px 0 8px' }}>
      {title}
    </Typography.Title>
  );

  return (
    <div
      style={{ maxWidth: 1000, margin: '0 auto', padding: 24, background: '#fff' }}
      data-testid="print-view"
    >
      <style>{PRINT_CSS}</style>
      <Flex justify="space-between" className="no-print" style={{ marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/assets/${a.id}`)}>
          {t('assets.back')}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined aria-hidden />}
          data-testid="print-now"
          onClick={() => window.print()}
        >
          {t('assets.printNow')}
        </Button>
      </Flex>
      <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
        {t('assets.card')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'right' }}>
        {t('assets.printedAt', { at: formatTime(new Date().toISOString()) })}
      </Typography.Paragraph>
      <AssetFacts asset={a} print />
      {entitlement && (
        <>
          {section(t('entitlement.now'))}
          <Typography.Paragraph data-testid="print-entitlement">
            <b>{entitlement.inWarranty ? t('entitlement.inWarranty') : t('entitlement.outOfWarranty')}</b>
            {' · '}
            {t(`entitlement.coverages.${entitlement.coverage}`)}
            {' · '}
            {t('entitlement.warrantyStart')} {formatDate(entitlement.warrantyStart)}
            {' · '}
            {t('entitlement.lastCoveredDay')} {lastCoveredDay(entitlement.warrantyEnd)}
            {' · '}
            {t('entitlement.hoursLimit')} {formatHoursLimit(t, entitlement.hoursLimit)}
          </Typography.Paragraph>
          <ol style={{ paddingLeft: 20, margin: 0 }}>
            {entitlement.reasons.map((r) => (
              <li key={`${r.code}:${r.message}`}>
                {r.clause && `[${t('entitlement.clause', { ref: r.clause })}] `}
                {i18n.language === 'en' ? r.messageEn : r.message}
              </li>
            ))}
          </ol>
        </>
      )}
      {section(t('assets.readings'))}
      <Table<MeterReading>
        data-testid="print-readings"
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={readings}
        locale={{ emptyText: t('assets.noReadings') }}
        columns={[
          { title: t('assets.readAt'), dataIndex: 'readAt', render: (v: string) => formatTime(v) },
          {
            title: t('assets.hours'),
            dataIndex: 'hours',
            align: 'right',
            render: (h: number) => formatHours(h),
          },
          { title: t('assets.source'), dataIndex: 'source' },
        ]}
      />
      {section(t('assets.events'))}
      <Table<AssetEvent>
        data-testid="print-events"
        size="small"
        bordered
        rowKey="id"
        pagination={false}
        dataSource={events}
        locale={{ emptyText: t('assets.noEvents') }}
        columns={[
          { title: t('assets.at'), dataIndex: 'at', render: (v: string) => formatTime(v) },
          {
            title: t('assets.eventKind'),
            dataIndex: 'kind',
            render: (k: string) => <EventKindTag kind={k} />,
          },
          { title: t('assets.partCode'), dataIndex: 'partCode' },
          { title: t('assets.note'), dataIndex: 'note' },
        ]}
      />
      {section(t('assets.serviceHistory'))}
      <Typography.Paragraph type="secondary">{t('customers.noServiceRecords')}</Typography.Paragraph>
    </div>
  );
}
