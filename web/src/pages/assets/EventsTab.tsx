import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../../api/catalog';
import { type AssetEvent, type AssetEventKind, EVENT_KINDS } from '../../api/catalog-types';
import { DateInput } from '../../components/DateInput';
import { ASSETS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { createBody } from '../../lib/forms';
import { useCan } from '../../lib/session';
import { formatTime, shanghaiInstant, shanghaiPickerValue } from '../../lib/time';

type Values = {
  kind: AssetEventKind;
  at: Dayjs;
  partCode?: string;
  faultCode?: string;
  hours?: number;
  note?: string;
};

export function useEvents(assetId: string) {
  return useQuery({
    queryKey: [ASSETS, 'events', assetId],
    queryFn: async () => (await assetsApi.events(assetId)).items,
  });
}

// A GPS tamper voids the machine warranty (第四篇 二.3), so it stands out in red.
export function EventKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'gps_tamper' ? 'red' : 'blue'}>
      {t(`assets.eventKinds.${kind}`, { defaultValue: kind })}
    </Tag>
  );
}

/** Events that change the warranty: replaced parts (own part warranty) and GPS tampering. */
export function EventsTab({ assetId, partCodes }: { assetId: string; partCodes: string[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);
  const events = useEvents(assetId);
  useEffect(() => {
    if (events.error) handleError(events.error);
  }, [events.error, handleError]);

  const add = async (v: Values) => {
    setSaving(true);
    try {
      const { partCode, note } = createBody({ partCode: v.partCode, note: v.note });
      await assetsApi.addEvent(assetId, {
        kind: v.kind,
        at: shanghaiInstant(v.at),
        partCode,
        note,
        faultCode: v.kind === 'repair' ? v.faultCode?.trim() || null : null,
        hours: v.kind === 'maintenance' ? (v.hours ?? null) : null,
      });
      void message.success(t('assets.eventAdded'));
      form.resetFields();
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
          initialValues={{ kind: 'part_replaced', at: shanghaiPickerValue() }}
          onFinish={(v) => void add(v)}
          style={{ marginBottom: 16, rowGap: 8 }}
          autoComplete="off"
        >
          <Form.Item name="kind" label={t('assets.eventKind')} rules={[required]}>
            <Select
              style={{ width: 160 }}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`assets.eventKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="at" label={t('assets.at')} rules={[required]}>
            <DateInput showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="partCode"
            label={t('assets.partCode')}
            rules={
              kind === 'part_replaced'
                ? [{ required: true, whitespace: true, message: t('assets.partCodeRequired') }]
                : []
            }
          >
            <AutoComplete style={{ width: 180 }} options={partCodes.map((c) => ({ value: c }))} />
          </Form.Item>
          {kind === 'repair' && (
            <Form.Item name="faultCode" label={t('assets.faultCode')} rules={[required]}>
              <Input style={{ width: 140 }} maxLength={60} />
            </Form.Item>
          )}
          {kind === 'maintenance' && (
            <Form.Item name="hours" label={t('assets.meterHours')} rules={[required]}>
              <InputNumber min={0} max={1_000_000} style={{ width: 120 }} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t('assets.note')}>
            <Input style={{ width: 220 }} maxLength={1000} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="add-event" disabled={saving}>
              {t('assets.addEvent')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<AssetEvent>
        data-testid="events-table"
        rowKey="id"
        size="small"
        loading={events.isFetching}
        dataSource={events.data ?? []}
        locale={{ emptyText: t('assets.noEvents') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('assets.at'), dataIndex: 'at', render: (v: string) => formatTime(v) },
          {
            title: t('assets.eventKind'),
            dataIndex: 'kind',
            render: (k: string) => <EventKindTag kind={k} />,
          },
          { title: t('assets.partCode'), dataIndex: 'partCode' },
          { title: t('assets.faultCode'), dataIndex: 'faultCode' },
          { title: t('assets.meterHours'), dataIndex: 'hours' },
          { title: t('assets.note'), dataIndex: 'note' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
        ]}
      />
    </>
  );
}
