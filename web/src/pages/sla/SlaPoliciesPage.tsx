import { Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { slaPoliciesApi } from '../../api/sla';
import type { SlaPolicy } from '../../api/sla-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { formatDuration } from '../../lib/format';
import { useCan } from '../../lib/session';
import { SLA_POLICIES } from '../../lib/ticket-lookups';
import { channelLabel, metricLabel, typeLabel } from '../tickets/common';
import { localPage } from './local-page';
import {
  SLA_DEFAULTS,
  SlaPolicyFields,
  type SlaPolicyValues,
  slaToBody,
  slaToValues,
} from './SlaPolicyFields';

/** 时限政策: which requests get which deadlines on which calendar, and who hears when they run out. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const any = t('slaPolicies.any');

  const tags = (values: string[], label: (v: string) => string) =>
    values.length === 0 ? (
      <Typography.Text type="secondary">{any}</Typography.Text>
    ) : (
      values.map((v) => <Tag key={v}>{label(v)}</Tag>)
    );

  const columns: ColumnsType<SlaPolicy> = [
    { title: t('slaPolicies.name'), dataIndex: 'name', key: 'name' },
    { title: t('slaPolicies.calendar'), dataIndex: 'calendarName', key: 'calendar' },
    {
      title: t('slaPolicies.appliesTo'),
      key: 'appliesTo',
      render: (_, p) => (
        <Space vertical size={2}>
          <span>{tags(p.appliesTo.types, (v) => typeLabel(t, v))}</span>
          <span>{tags(p.appliesTo.channels, (v) => channelLabel(t, v))}</span>
          {p.appliesTo.grades.length > 0 && <span>{tags(p.appliesTo.grades, (v) => v)}</span>}
          {p.appliesTo.urgent !== null && (
            <Tag color="red">
              {p.appliesTo.urgent ? t('slaPolicies.urgentYes') : t('slaPolicies.urgentNo')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('slaPolicies.targets'),
      key: 'targets',
      render: (_, p) => (
        <Space vertical size={0}>
          {p.targets.map((x) => (
            <span key={x.metric}>
              {metricLabel(t, x.metric)}：{formatDuration(t, x.minutes)}
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: t('slaPolicies.escalations'),
      key: 'escalations',
      render: (_, p) => t('slaPolicies.escalationCount', { n: p.escalations.length }),
    },
    { title: t('slaPolicies.priority'), dataIndex: 'priority', key: 'priority', align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
  ];

  return (
    <CrudPage<SlaPolicy, SlaPolicyValues>
      resource={SLA_POLICIES}
      title={t('slaPolicies.title')}
      createLabel={t('slaPolicies.create')}
      createTestId="create-sla-policy"
      list={(p) => localPage(slaPoliciesApi.list, p)}
      columns={columns}
      canWrite={can('sla.write')}
      form={{
        createTitle: t('slaPolicies.create'),
        editTitle: t('slaPolicies.editTitle'),
        modalWidth: 900,
        fields: () => <SlaPolicyFields />,
        toValues: slaToValues,
        toBody: slaToBody,
        createDefaults: SLA_DEFAULTS,
        create: (body) => slaPoliciesApi.create(body),
        update: (p, patch) => slaPoliciesApi.update(p.id, { ...patch, version: p.version }),
        fetchOne: slaPoliciesApi.get,
      }}
    />
  );
}
