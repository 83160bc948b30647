import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../../api/catalog';
import type { MeterReading } from '../../api/catalog-types';
import { DateInput } from '../../components/DateInput';
import { ASSETS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { formatHours } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime, shanghaiInstant, shanghaiPickerValue } from '../../lib/time';

type Values = { hours: number; readAt: Dayjs };

export function useReadings(assetId: string) {
  return useQuery({
    queryKey: [ASSETS, 'readings', assetId],
    queryFn: async () => (await assetsApi.readings(assetId)).items,
  });
}

/** Hour-meter readings, newest first; the server refuses one that would make the meter run backwards. */
export function ReadingsTab({ assetId }: { assetId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const readings = useReadings(assetId);
  useEffect(() => {
    if (readings.error) handleError(readings.error);
  }, [readings.error, handleError]);

  const add = async (v: Values) => {
    setSaving(true);
    try {
      await assetsApi.addReading(assetId, { hours: v.hours, readAt: shanghaiInstant(v.readAt) });
      void message.success(t('assets.readingAdded'));
      form.resetFields();
      // Latest hours on the card and the entitlement both depend on readings.
      await queryClient.invalidateQueries({ queryKey: [ASSETS] });
    } catch (err) {
      handleError(err, { form });
    } finally {
      setSaving(false);
    }
  };

  const required = { required: true, message: t('users.required') };
  return (
    <>
      {can('asset.record') && (
        <Form<Values>
          form={form}
          layout="inline"
          initialValues={{ readAt: shanghaiPickerValue() }}
          onFinish={(v) => void add(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
          autoComplete="off"
        >
          <Form.Item name="hours" label={t('assets.hours')} rules={[required]}>
            <InputNumber min={0} max={1_000_000} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="readAt" label={t('assets.readAt')} rules={[required]}>
            <DateInput showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="add-reading" disabled={saving}>
              {t('assets.addReading')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<MeterReading>
        data-testid="readings-table"
        rowKey="id"
        size="small"
        loading={readings.isFetching}
        dataSource={readings.data ?? []}
        locale={{ emptyText: t('assets.noReadings') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('assets.readAt'), dataIndex: 'readAt', render: (v: string) => formatTime(v) },
          {
            title: t('assets.hours'),
            dataIndex: 'hours',
            align: 'right',
            render: (h: number) => formatHours(h),
          },
          { title: t('assets.source'), dataIndex: 'source' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
        ]}
      />
    </>
  );
}
