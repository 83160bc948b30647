import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { webhooksApi } from '../../api/sla';
import { type Delivery, ROBOT_EVENTS, ROBOT_KINDS, type Webhook } from '../../api/sla-types';
import { CrudPage } from '../../components/CrudPage';
import { useCan } from '../../lib/session';
import { WEBHOOKS } from '../../lib/ticket-lookups';
import { formatTime } from '../../lib/time';
import { ActiveField, tailColumns } from '../admin/org/common';
import { localPage } from './local-page';

type Values = { name: string; kind: string; url: string; events: string[]; active?: boolean };

const toValues = (w: Webhook): Values => ({
  name: w.name,
  kind: w.kind,
  url: w.url,
  events: w.events,
  active: w.active,
});

const STATUS_COLOURS: Record<string, string> = {
  sent: 'green',
  failed: 'red',
  pending: 'blue',
  sending: 'blue',
};

/** E-mails and robot messages the system sent lately, to see whether an escalation got out. */
function Deliveries() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: [WEBHOOKS, 'deliveries'], queryFn: webhooksApi.deliveries });
  const columns: ColumnsType<Delivery> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v) },
    {
      title: t('robots.channel'),
      dataIndex: 'channel',
      render: (c: string) => t(`robots.channels.${c}`, { defaultValue: c }),
    },
    { title: t('robots.target'), dataIndex: 'target', ellipsis: true, width: 220 },
    { title: t('robots.subject'), dataIndex: 'subject', ellipsis: true },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: string) => (
        <Tag color={STATUS_COLOURS[s]} data-testid="delivery-status">
          {t(`robots.statuses.${s}`, { defaultValue: s })}
        </Tag>
      ),
    },
    { title: t('robots.attempts'), dataIndex: 'attempts', align: 'right' },
    {
      title: t('robots.lastError'),
      dataIndex: 'lastError',
      render: (e: string | null) => e && <Typography.Text type="danger">{e}</Typography.Text>,
    },
    { title: t('robots.sentAt'), dataIndex: 'sentAt', render: (v: string | null) => formatTime(v) },
  ];
  return (
    <Card
      title={t('robots.deliveries')}
      style={{ marginTop: 16 }}
      extra={
        <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()}>
          {t('tickets.refresh')}
        </Button>
      }
    >
      <Table<Delivery>
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="deliveries"
      />
    </Card>
  );
}

/** 通知机器人: WeCom/DingTalk group robots that receive escalations and new requests. */
export default function RobotsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const required = { required: true, whitespace: true, message: t('users.required') };

  const columns: ColumnsType<Webhook> = [
    { title: t('robots.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('robots.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: string) => t(`robots.kinds.${k}`, { defaultValue: k }),
    },
    { title: t('robots.url'), dataIndex: 'url', key: 'url', ellipsis: true, width: 280 },
    {
      title: t('robots.events'),
      dataIndex: 'events',
      key: 'events',
      render: (events: string[]) =>
        events.map((e) => <Tag key={e}>{t(`robots.eventNames.${e}`, { defaultValue: e })}</Tag>),
    },
    ...tailColumns<Webhook>(t),
  ];

  const fields = (mode: 'create' | 'edit') => (
    <>
      <Form.Item name="name" label={t('robots.name')} rules={[required]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" label={t('robots.kind')} rules={[required]}>
        <Select options={ROBOT_KINDS.map((k) => ({ value: k, label: t(`robots.kinds.${k}`) }))} />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('robots.url')}
        extra={t('robots.urlHint')}
        rules={[required, { pattern: /^https?:\/\//, message: t('robots.urlRule') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="events"
        label={t('robots.events')}
        rules={[{ required: true, message: t('users.required') }]}
      >
        <Checkbox.Group
          options={ROBOT_EVENTS.map((e) => ({ value: e, label: t(`robots.eventNames.${e}`) }))}
        />
      </Form.Item>
      <ActiveField mode={mode} />
    </>
  );

  return (
    <>
      <CrudPage<Webhook, Values>
        resource={WEBHOOKS}
        title={t('robots.title')}
        createLabel={t('robots.create')}
        createTestId="create-robot"
        list={(p) => localPage(webhooksApi.list, p)}
        columns={columns}
        canWrite={can('sla.write')}
        form={{
          createTitle: t('robots.create'),
          editTitle: t('robots.editTitle'),
          fields,
          toValues,
          createDefaults: { kind: 'wecom', events: ['escalation'] },
          create: (body) => webhooksApi.create(body),
          update: (w, patch) => webhooksApi.update(w.id, { ...patch, version: w.version }),
        }}
      />
      <Deliveries />
    </>
  );
}
