import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSummary, Severity } from '../../api/complaint-types';
import { complaintsApi } from '../../api/complaints';
import { AssetSelect } from '../../components/AssetSelect';
import { FormModal } from '../../components/FormModal';
import { COMPLAINTS, useComplaintChanged } from '../../lib/complaint-lookups';
import { useReportError } from '../../lib/errors';
import { useCan, useMe } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { ComplaintStatusTag, severityOptions } from '../complaints/common';

interface Values {
  subject: string;
  description: string;
  severity: Severity;
  assetId?: string;
}

/** One complaint as its customer follows it: where it stands and, once given, our answer. */
function ComplaintItem({ c }: { c: ComplaintSummary }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: [COMPLAINTS, 'detail', c.id],
    queryFn: () => complaintsApi.get(c.id),
    enabled: !!c.feedbackAt,
    staleTime: 60_000,
  });
  return (
    <List.Item data-testid="portal-complaint" data-number={c.number} data-status={c.status}>
      <div style={{ width: '100%' }}>
        <Space size={6} wrap>
          <Typography.Text strong>{c.number}</Typography.Text>
          <ComplaintStatusTag status={c.status} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(c.receivedAt)}
          </Typography.Text>
        </Space>
        <div>{c.subject}</div>
        {c.feedbackAt ? (
          <div data-testid="portal-complaint-feedback">
            <Typography.Text type="secondary">{t('complaint.portal.feedback')}：</Typography.Text>
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{detail.data?.feedbackText}</Typography.Text>
          </div>
        ) : (
          c.feedbackDueAt &&
          c.status !== 'cancelled' && (
            <Typography.Text type="secondary">
              {t('complaint.portal.waiting', { time: formatTime(c.feedbackDueAt) })}
            </Typography.Text>
          )
        )}
      </div>
    </List.Item>
  );
}

/** 我的投诉: the customer files a complaint and follows it to the answer. */
export function PortalComplaints() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const changed = useComplaintChanged();
  const [filing, setFiling] = useState(false);
  const query = useQuery({
    queryKey: [COMPLAINTS, 'list', 'portal'],
    queryFn: () => complaintsApi.list({ limit: 20 }),
    enabled: can('complaint.read'),
    refetchInterval: 60_000,
  });
  useReportError(query.error);
  if (!can('complaint.read') && !can('complaint.create')) return null;
  const required = { required: true, whitespace: true, message: t('users.required') };

  return (
    <Card
      title={t('complaint.portal.title')}
      style={{ marginTop: 16 }}
      extra={
        can('complaint.create') &&
        me.customerId && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setFiling(true)}
            data-testid="portal-complaint-file"
          >
            {t('complaint.portal.file')}
          </Button>
        )
      }
      styles={{ body: { paddingTop: 0 } }}
    >
      <List
        data-testid="portal-complaints"
        dataSource={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        locale={{ emptyText: t('complaint.portal.empty') }}
        renderItem={(c) => <ComplaintItem key={c.id} c={c} />}
      />
      <FormModal<Values>
        open={filing}
        title={t('complaint.portal.fileTitle')}
        initialValues={{ severity: 'medium' }}
        onSubmit={async (v) => {
          const c = await complaintsApi.create({
            customerId: me.customerId ?? '',
            channel: 'web',
            severity: v.severity,
            subject: v.subject.trim(),
            description: v.description.trim(),
            assetId: v.assetId || undefined,
          });
          changed(c.id, c);
          void message.success(t('complaint.portal.filed', { number: c.number }));
          setFiling(false);
        }}
        onCancel={() => setFiling(false)}
      >
        <Form.Item name="subject" label={t('complaint.subject')} rules={[required]}>
          <Input maxLength={200} data-testid="portal-complaint-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('complaint.description')} rules={[required]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="portal-complaint-description" />
        </Form.Item>
        <Form.Item name="severity" label={t('complaint.severity')}>
          <Select options={severityOptions(t)} />
        </Form.Item>
        <Form.Item name="assetId" label={t('complaint.asset')}>
          <AssetSelect allowClear />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
