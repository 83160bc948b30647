import {
  AutoComplete,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usersApi } from '../../api/endpoints';
import { engineersApi } from '../../api/field';
import type { Engineer } from '../../api/field-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { SearchSelect } from '../../components/SearchSelect';
import { ENGINEERS } from '../../lib/field-lookups';
import { useDealerOptions, useServiceCentreOptions } from '../../lib/lookups';
import { useCan, useMe } from '../../lib/session';
import { useCalendars } from '../../lib/ticket-lookups';
import { LoadBar, tradeLabel } from './LoadBar';

const TRADES = ['mechanical', 'electrical', 'hydraulic', 'software', 'general'];

type Values = {
  name: string;
  userId?: string | null;
  phone?: string | null;
  trade: string;
  skills: string[];
  regions: string[];
  serviceCentreId?: string | null;
  dealerId?: string | null;
  calendarId?: string | null;
  capacity: number;
  active?: boolean;
};

const toValues = (e: Engineer): Values => ({
  name: e.name,
  userId: e.userId,
  phone: e.phone,
  trade: e.trade,
  skills: e.skills,
  regions: e.regions,
  serviceCentreId: e.serviceCentreId,
  dealerId: e.dealerId,
  calendarId: e.calendarId,
  capacity: e.capacity,
  active: e.active,
});

const tags = (values: string[], colour?: string) =>
  values.map((v) => (
    <Tag key={v} color={colour}>
      {v}
    </Tag>
  ));

function Fields({ record }: { record?: Engineer }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const centres = useServiceCentreOptions(can('org.read') && me.role.scope === 'all');
  const dealers = useDealerOptions(can('org.read'));
  const calendars = useCalendars(can('sla.read'));
  const required = { required: true, whitespace: true, message: t('users.required') };
  const tagSelect = (testId: string) => (
    <Select
      mode="tags"
      open={false}
      tokenSeparators={[',', '，', '、']}
      suffixIcon={null}
      data-testid={testId}
    />
  );
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('engineers.name')} rules={[required]}>
          <Input maxLength={100} data-testid="engineer-name" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('engineers.phone')}>
          <Input maxLength={40} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="trade" label={t('engineers.trade')} rules={[required]}>
          <AutoComplete
            options={TRADES.map((v) => ({ value: v, label: `${tradeLabel(t, v)}（${v}）` }))}
            data-testid="engineer-trade"
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="capacity"
          label={t('engineers.capacity')}
          rules={[{ required: true, message: t('users.required') }]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="skills" label={t('engineers.skills')} extra={t('engineers.tagsHint')}>
          {tagSelect('engineer-skills')}
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="regions" label={t('engineers.regions')} extra={t('engineers.tagsHint')}>
          {tagSelect('engineer-regions')}
        </Form.Item>
      </Col>
      {can('user.read') && (
        <Col span={24}>
          <Form.Item name="userId" label={t('engineers.user')} extra={t('engineers.userHint')}>
            <SearchSelect
              allowClear
              queryKey={['users', 'search']}
              initialOption={
                record?.userId ? { value: record.userId, label: record.username ?? record.userId } : undefined
              }
              search={async (q) =>
                (await usersApi.list({ q: q || undefined, limit: 20 })).items.map((u) => ({
                  value: u.id,
                  label: `${u.displayName} (${u.username})`,
                }))
              }
            />
          </Form.Item>
        </Col>
      )}
      {me.role.scope === 'all' && (
        <Col xs={24} md={12}>
          <Form.Item name="serviceCentreId" label={t('engineers.centre')}>
            <Select allowClear options={centres.options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name="dealerId" label={t('engineers.dealer')}>
          <Select allowClear options={dealers.options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Col>
      {can('sla.read') && (
        <Col xs={24} md={12}>
          <Form.Item name="calendarId" label={t('engineers.calendar')}>
            <Select
              allowClear
              options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
      )}
      {record && (
        <Col xs={24} md={12}>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** 维修工程师: who can be sent, what they know, where they work and how loaded they are. */
export default function EngineersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [activeOnly, setActiveOnly] = useState(true);

  const columns: ColumnsType<Engineer> = [
    {
      title: t('engineers.name'),
      key: 'name',
      render: (_, e) => (
        <Space vertical size={0}>
          <span data-testid="engineer-row-name">{e.name}</span>
          {e.username && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.username}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('engineers.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('engineers.trade'), key: 'trade', render: (_, e) => tradeLabel(t, e.trade) },
    { title: t('engineers.skills'), key: 'skills', render: (_, e) => tags(e.skills, 'blue') },
    { title: t('engineers.regions'), key: 'regions', render: (_, e) => tags(e.regions) },
    {
      title: t('engineers.org'),
      key: 'org',
      render: (_, e) => [e.serviceCentreName, e.dealerName].filter(Boolean).join(' / '),
    },
    {
      title: t('engineers.load'),
      key: 'load',
      render: (_, e) => <LoadBar open={e.openOrders} capacity={e.capacity} />,
    },
    { title: t('common.status'), key: 'active', render: (_, e) => <ActiveTag active={e.active} /> },
  ];

  return (
    <CrudPage<Engineer, Values>
      resource={ENGINEERS}
      title={t('engineers.title')}
      createLabel={t('engineers.create')}
      createTestId="create-engineer"
      list={(p) => engineersApi.list(p)}
      extraParams={{ active: activeOnly || undefined }}
      filters={
        <Checkbox checked={activeOnly} onChange={(e) => setActiveOnly(e.target.checked)}>
          {t('engineers.activeOnly')}
        </Checkbox>
      }
      search={{ placeholder: t('engineers.search'), debounceMs: 300, testId: 'engineer-search' }}
      columns={columns}
      canWrite={can('engineer.write')}
      form={{
        createTitle: t('engineers.create'),
        editTitle: t('engineers.editTitle'),
        modalWidth: 720,
        fields: (_mode, record) => <Fields record={record} />,
        toValues,
        createDefaults: { skills: [], regions: [], capacity: 5, trade: 'general' },
        create: (body) => engineersApi.create(body),
        update: (e, patch) => engineersApi.update(e.id, { ...patch, version: e.version }),
        fetchOne: engineersApi.get,
      }}
    />
  );
}
