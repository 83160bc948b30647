import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { assetsApi, modelsApi } from '../../api/catalog';
import { LoadFailed } from '../../components/LoadFailed';
import { ASSETS, MODELS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { TicketList } from '../tickets/TicketList';
import { AssetFacts } from './AssetFacts';
import { AssetFormModal, type AssetModalState } from './AssetFormModal';
import { EntitlementPanel } from './EntitlementPanel';
import { EventsTab, useEvents } from './EventsTab';
import { NameplateQr } from './NameplateQr';
import { ReadingsTab } from './ReadingsTab';
import { WhatIfForm } from './WhatIfForm';

/** Entitlement as of now: the question every service call starts with. */
function CurrentEntitlement({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const query = useQuery({
    queryKey: [ASSETS, 'entitlement', assetId, 'now'],
    queryFn: ({ signal }) => assetsApi.entitlement(assetId, {}, signal),
  });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);
  return (
    <Card
      title={t('entitlement.now')}
      extra={<Typography.Text type="secondary">{t('entitlement.nowHint')}</Typography.Text>}
      style={{ height: '100%' }}
    >
      {query.data ? (
        <Spin spinning={query.isFetching}>
          <EntitlementPanel result={query.data} testId="entitlement-now" />
        </Spin>
      ) : (
        <Spin spinning={query.isFetching} style={{ display: 'block', margin: '48px auto' }} />
      )}
    </Card>
  );
}

/** 售后服务历史登记卡: the machine's facts, warranty decision, meter readings and events. */
export default function AssetDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [modal, setModal] = useState<AssetModalState>(null);
  const query = useQuery({ queryKey: [ASSETS, 'detail', id], queryFn: () => assetsApi.get(id) });
  const asset = query.data;
  const model = useQuery({
    queryKey: [MODELS, 'detail', asset?.modelId],
    queryFn: () => modelsApi.get(asset?.modelId as string),
    enabled: !!asset && can('product.read'),
    staleTime: 60_000,
  }).data;
  const events = useEvents(id).data ?? [];

  if (!asset) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;

  // Suggested part codes: the ones the decision treats specially, and parts already replaced here.
  const partCodes = [
    ...new Set([
      ...(model?.wearParts ?? []),
      ...(model?.consumables ?? []),
      ...events.flatMap((e) => (e.partCode ? [e.partCode] : [])),
    ]),
  ];

  return (
    <>
      <Card
        title={
          <Space wrap>
            <span>{t('assets.card')}</span>
            <Typography.Text type="secondary">
              {asset.serialNo} · {asset.modelCode}
            </Typography.Text>
          </Space>
        }
        extra={
          <Space wrap>
            <Link to="/assets">
              <ArrowLeftOutlined aria-hidden /> {t('assets.backToList')}
            </Link>
            {can('asset.write') && (
              <Button data-testid="edit-asset" onClick={() => setModal({ mode: 'edit', asset })}>
                {t('common.edit')}
              </Button>
            )}
            <NameplateQr asset={asset} />
            <Button
              icon={<PrinterOutlined aria-hidden />}
              data-testid="print-card"
              onClick={() => navigate(`/assets/${asset.id}/print`)}
            >
              {t('assets.print')}
            </Button>
          </Space>
        }
      >
        <AssetFacts asset={asset} />
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <CurrentEntitlement assetId={asset.id} />
        </Col>
        <Col xs={24} xl={14}>
          <Card>
            {/* Hidden tabs unmount, so each form's inputs keep the plain API names as ids (hours, at…). */}
            <Tabs
              destroyOnHidden
              items={[
                {
                  key: 'whatif',
                  label: <span data-testid="tab-whatif">{t('entitlement.whatIf')}</span>,
                  children: <WhatIfForm asset={asset} partCodes={partCodes} />,
                },
                {
                  key: 'readings',
                  label: <span data-testid="tab-readings">{t('assets.readings')}</span>,
                  children: <ReadingsTab assetId={asset.id} />,
                },
                {
                  key: 'events',
                  label: <span data-testid="tab-events">{t('assets.events')}</span>,
                  children: <EventsTab assetId={asset.id} partCodes={partCodes} />,
                },
                ...(can('ticket.read')
                  ? [
                      {
                        key: 'service',
                        label: <span data-testid="tab-service">{t('assets.serviceRequests')}</span>,
                        children: <TicketList assetId={asset.id} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <AssetFormModal state={modal} onChange={setModal} />
    </>
  );
}
