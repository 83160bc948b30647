import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { assetsApi } from '../../api/catalog';
import type { TicketType } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { AssetSelect, assetLabel } from '../../components/AssetSelect';
import { DateInput } from '../../components/DateInput';
import { ASSETS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { useMe } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { shanghaiInstant, TIME_FORMAT } from '../../lib/time';
import { typeOptions } from '../tickets/common';
import { ACCEPT, uploadFiles } from '../tickets/TicketAttachments';

interface Values {
  assetId?: string;
  type: TicketType;
  description: string;
  occurredAt?: Dayjs | null;
  contactPhone?: string;
}

const MAX_FILES = 9;

/** The machine a nameplate QR code names (`?sn=`), among the customer's own machines. */
function useQrAsset(sn: string | null) {
  return useQuery({
    queryKey: [ASSETS, 'by-serial', sn],
    queryFn: async () => {
      const page = await assetsApi.list({ serialPrefix: sn ?? '', limit: 5 });
      const exact = page.items.find((a) => a.serialNo.toUpperCase() === sn?.toUpperCase());
      return exact ?? null;
    },
    enabled: !!sn,
  });
}

/**
 * 我要报修, made for a phone held next to the machine: pick the machine (or arrive from its QR code),
 * say what is wrong, add photos. Photos go up after the request exists; a rejected photo is reported
 * but the request stands.
 */
export default function ReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [params] = useSearchParams();
  const sn = params.get('sn')?.trim() || null;
  const qr = useQrAsset(sn);
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const qrAsset = qr.data ?? null;

  useEffect(() => {
    if (qrAsset && !form.getFieldValue('assetId')) form.setFieldValue('assetId', qrAsset.id);
  }, [qrAsset, form]);

  if (!me.customerId) return <Alert type="warning" showIcon title={t('portal.notLinked')} />;
  const customerId = me.customerId;

  const submit = async (v: Values) => {
    setSubmitting(true);
    try {
      const ticket = await ticketsApi.create({
        customerId,
        assetId: v.assetId,
        channel: 'web',
        type: v.type,
        description: v.description.trim(),
        occurredAt: v.occurredAt ? shanghaiInstant(v.occurredAt) : undefined,
        contactPhone: v.contactPhone?.trim() || undefined,
        viaQr: !!qrAsset && v.assetId === qrAsset.id,
      });
      const failed = await uploadFiles(
        t,
        ticket.id,
        files.flatMap((f) => (f.originFileObj ? [f.originFileObj as File] : [])),
      );
      for (const f of failed) void message.error(t('attachments.rejected', f), 10);
      void message.success(t('portal.submitted', { number: ticket.number }));
      await queryClient.invalidateQueries({ queryKey: [TICKETS] });
      navigate(`/portal/tickets/${ticket.id}`);
    } catch (err) {
      handleError(err, { form });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Card
      title={t('portal.report')}
      extra={<Link to="/portal">{t('portal.back')}</Link>}
      style={{ maxWidth: 720 }}
    >
      {sn && qr.isSuccess && (
        <Alert
          type={qrAsset ? 'success' : 'warning'}
          showIcon
          data-testid="qr-asset"
          title={qrAsset ? t('portal.fromQr', { sn: qrAsset.serialNo }) : t('portal.snNotFound', { sn })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'repair' }}
        onFinish={(v) => void submit(v)}
        disabled={submitting}
      >
        <Form.Item name="assetId" label={t('portal.pickAsset')}>
          <AssetSelect
            customerId={customerId}
            initialOption={qrAsset ? { value: qrAsset.id, label: assetLabel(qrAsset) } : undefined}
            allowClear
            data-testid="portal-asset"
          />
        </Form.Item>
        <Form.Item name="type" label={t('tickets.type')}>
          <Select options={typeOptions(t)} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('tickets.description')}
          rules={[{ required: true, whitespace: true, message: t('users.required') }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount data-testid="portal-description" />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('tickets.occurredAt')}>
          <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
        </Form.Item>
        <Form.Item label={t('portal.photos')} extra={t('portal.photosHint')}>
          {/* Kept in the browser until the request exists; then each goes to the ticket. */}
          <Upload
            listType="picture-card"
            accept={ACCEPT}
            multiple
            maxCount={MAX_FILES}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
            data-testid="portal-photos"
          >
            {files.length < MAX_FILES && (
              <button type="button" style={{ border: 0, background: 'none' }}>
                <PlusOutlined aria-hidden />
                <div style={{ marginTop: 4 }}>{t('portal.pickPhotos')}</div>
              </button>
            )}
          </Upload>
        </Form.Item>
        <Form.Item name="contactPhone" label={t('tickets.contactPhone')}>
          <Input type="tel" maxLength={40} autoComplete="tel" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          disabled={submitting}
          data-testid="portal-submit"
        >
          {t('portal.submit')}
        </Button>
      </Form>
    </Card>
  );
}
