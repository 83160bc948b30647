import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { GRADES } from '../../api/catalog-types';
import type { SlaPolicy } from '../../api/sla-types';
import { METRICS } from '../../api/ticket-types';
import { RowsEditor } from '../../components/RowsEditor';
import { useRoleOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { useCalendars } from '../../lib/ticket-lookups';
import { channelOptions, metricLabel, typeOptions } from '../tickets/common';

type Urgency = 'any' | 'yes' | 'no';
/** A row of the targets or escalations editor; fields are filled in as the user types. */
type EditorRow = {
  metric?: string;
  minutes?: number;
  percent?: number;
  level?: number;
  notifyRoles?: string[];
  clause?: string | null;
};

export interface SlaPolicyValues {
  name: string;
  calendarId: string;
  priority: number;
  active: boolean;
  clause?: string | null;
  types: string[];
  channels: string[];
  grades: string[];
  urgent: Urgency;
  targets: EditorRow[];
  escalations: EditorRow[];
  [key: string]: unknown;
}

const URGENCY: Record<Urgency, boolean | null> = { any: null, yes: true, no: false };

export const SLA_DEFAULTS: Partial<SlaPolicyValues> = {
  priority: 0,
  active: true,
  types: [],
  channels: [],
  grades: [],
  urgent: 'any',
  targets: [{ metric: 'firstResponse', minutes: 240 }],
  escalations: [],
};

export function slaToValues(p: SlaPolicy): SlaPolicyValues {
  return {
    name: p.name,
    calendarId: p.calendarId,
    priority: p.priority,
    active: p.active,
    clause: p.clause,
    types: p.appliesTo.types,
    channels: p.appliesTo.channels,
    grades: p.appliesTo.grades,
    urgent: p.appliesTo.urgent === null ? 'any' : p.appliesTo.urgent ? 'yes' : 'no',
    targets: p.targets,
    escalations: p.escalations,
  };
}

// Clauses are optional text inside list rows; empty means null on both sides of the diff.
const clauseOf = (r: EditorRow) => r.clause?.trim() || null;

/** Form values → API shape: the applies-to fields nested, row clauses normalised. */
export function slaToBody(v: SlaPolicyValues): SlaPolicyValues {
  const { types, channels, grades, urgent, targets, escalations, ...rest } = v;
  return {
    ...rest,
    appliesTo: { types, channels, grades, urgent: URGENCY[urgent] },
    targets: targets.map((r) => ({ metric: r.metric, minutes: r.minutes, clause: clauseOf(r) })),
    escalations: escalations.map((r) => ({
      metric: r.metric,
      percent: r.percent,
      level: r.level,
      notifyRoles: r.notifyRoles ?? [],
      clause: clauseOf(r),
    })),
  } as unknown as SlaPolicyValues;
}

export function SlaPolicyFields() {
  const { t } = useTranslation();
  const can = useCan();
  const calendars = useCalendars().data ?? [];
  const roles = useRoleOptions(can('role.read'));
  const required = { required: true, message: t('users.required') };
  const metrics = METRICS.map((m) => ({ value: m, label: metricLabel(t, m) }));
  const any = t('slaPolicies.any');
  const num = (min: number, max: number) => (
    <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
  );

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('slaPolicies.name')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="calendarId" label={t('slaPolicies.calendar')} rules={[required]}>
            <Select options={calendars.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="priority"
            label={t('slaPolicies.priority')}
            tooltip={t('slaPolicies.priorityHint')}
          >
            {num(0, 10_000)}
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="clause" label={t('slaPolicies.clause')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="types" label={t('slaPolicies.types')} extra={t('slaPolicies.anyHint')}>
            <Select mode="multiple" allowClear placeholder={any} options={typeOptions(t)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="channels" label={t('slaPolicies.channels')} extra={t('slaPolicies.anyHint')}>
            <Select mode="multiple" allowClear placeholder={any} options={channelOptions(t)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="grades" label={t('slaPolicies.grades')} extra={t('slaPolicies.anyHint')}>
            <Select
              mode="multiple"
              allowClear
              placeholder={any}
              options={GRADES.map((g) => ({ value: g, label: `${g} · ${t(`customers.grades.${g}`)}` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="urgent" label={t('slaPolicies.urgent')}>
            <Select
              options={(['any', 'yes', 'no'] as const).map((u) => ({
                value: u,
                label: t(`slaPolicies.urgent${u[0]!.toUpperCase()}${u.slice(1)}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <RowsEditor
        name="targets"
        title={t('slaPolicies.targets')}
        addLabel={t('slaPolicies.addTarget')}
        columns={[
          {
            field: 'metric',
            label: t('slaPolicies.metric'),
            span: 7,
            input: <Select options={metrics} />,
            rules: [required],
          },
          {
            field: 'minutes',
            label: t('slaPolicies.minutes'),
            span: 6,
            input: num(1, 525_600),
            rules: [required],
          },
          { field: 'clause', label: t('slaPolicies.clause'), span: 9, input: <Input maxLength={100} /> },
        ]}
      />
      <RowsEditor
        name="escalations"
        title={t('slaPolicies.escalations')}
        hint={t('slaPolicies.escalationsHint')}
        addLabel={t('slaPolicies.addEscalation')}
        columns={[
          {
            field: 'metric',
            label: t('slaPolicies.metric'),
            span: 5,
            input: <Select options={metrics} />,
            rules: [required],
          },
          {
            field: 'percent',
            label: t('slaPolicies.percent'),
            span: 3,
            input: num(1, 1000),
            rules: [required],
          },
          { field: 'level', label: t('slaPolicies.level'), span: 3, input: num(1, 5), rules: [required] },
          {
            field: 'notifyRoles',
            label: t('slaPolicies.notifyRoles'),
            span: 7,
            input: <Select mode="multiple" options={roles} maxTagCount="responsive" />,
          },
          { field: 'clause', label: t('slaPolicies.clause'), span: 4, input: <Input maxLength={100} /> },
        ]}
      />
    </>
  );
}
