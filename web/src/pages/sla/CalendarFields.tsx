import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Flex, Form, Input, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type Calendar, type HoursRange, WEEKDAYS, type Weekday } from '../../api/sla-types';

type Range = { from?: string; to?: string };

export type CalendarValues = {
  name: string;
  timeZone: string;
  /** Make-up working days (调休上班); empty: the hours of the weekday they fall on. */
  hours_workday: Range[];
} & Record<`hours_${Weekday}`, Range[]>;

const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const toRanges = (hours: HoursRange[] | null | undefined): Range[] =>
  (hours ?? []).map(([from, to]) => ({ from, to }));
const fromRanges = (ranges: Range[] | undefined): HoursRange[] =>
  (ranges ?? []).map((r) => [r.from?.trim() ?? '', r.to?.trim() ?? ''] as HoursRange);

// The ordinary office week of the standard calendar, as a starting point for a new one.
const OFFICE: Range[] = [
  { from: '08:30', to: '12:00' },
  { from: '13:00', to: '17:30' },
];

export const CALENDAR_DEFAULTS: Partial<CalendarValues> = {
  timeZone: 'Asia/Shanghai',
  hours_mon: OFFICE,
  hours_tue: OFFICE,
  hours_wed: OFFICE,
  hours_thu: OFFICE,
  hours_fri: OFFICE,
  hours_sat: [],
  hours_sun: [],
  hours_workday: [],
};

export function calendarToValues(c: Calendar): CalendarValues {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [`hours_${d}`, toRanges(c.weeklyHours[d])]));
  return {
    name: c.name,
    timeZone: c.timeZone,
    hours_workday: toRanges(c.workdayHours),
    ...week,
  } as CalendarValues;
}

/** Form values → API shape: `weeklyHours` per weekday, `workdayHours` null when left empty. */
export function calendarToBody(v: CalendarValues): CalendarValues {
  const workday = fromRanges(v.hours_workday);
  return {
    name: v.name,
    timeZone: v.timeZone,
    weeklyHours: Object.fromEntries(WEEKDAYS.map((d) => [d, fromRanges(v[`hours_${d}`])])),
    workdayHours: workday.length > 0 ? workday : null,
  } as unknown as CalendarValues;
}

const timeRule = (t: TFunction): Rule => ({
  required: true,
  pattern: HHMM,
  message: t('calendars.hoursRule'),
});

/** The end of a period must follow its start; 'HH:mm' strings compare like times, '24:00' last. */
const afterStart =
  (t: TFunction, list: string, index: number): Rule =>
  ({ getFieldValue }) => ({
    validator: (_rule, value: string | undefined) => {
      const from = getFieldValue([list, index, 'from']) as string | undefined;
      return !from || !value || value > from
        ? Promise.resolve()
        : Promise.reject(new Error(t('calendars.orderRule')));
    },
  });

/** Several periods a day, each "from – to", added and removed inline. */
function RangesField({ name, emptyText }: { name: string; emptyText: string }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex wrap gap={8} align="start" data-testid={`ranges-${name}`}>
          {fields.length === 0 && (
            <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
              {emptyText}
            </Typography.Text>
          )}
          {fields.map(({ key, name: i }) => (
            <Flex key={key} gap={4} align="start">
              <Form.Item name={[i, 'from']} rules={[timeRule(t)]} style={{ marginBottom: 4 }}>
                <Input placeholder="08:30" style={{ width: 72 }} maxLength={5} />
              </Form.Item>
              <span style={{ lineHeight: '32px' }}>–</span>
              <Form.Item
                name={[i, 'to']}
                rules={[timeRule(t), afterStart(t, name, i)]}
                dependencies={[[name, i, 'from']]}
                style={{ marginBottom: 4 }}
              >
                <Input placeholder="17:30" style={{ width: 72 }} maxLength={5} />
              </Form.Item>
              <Button
                type="text"
                aria-label={t('common.cancel')}
                icon={<MinusCircleOutlined aria-hidden />}
                onClick={() => remove(i)}
              />
            </Flex>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ from: '', to: '' })}
            data-testid={`add-${name}`}
          >
            {t('calendars.addRange')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

export function CalendarFields() {
  const { t } = useTranslation();
  const required = { required: true, whitespace: true, message: t('users.required') };
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name="name" label={t('calendars.name')} rules={[required]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item name="timeZone" label={t('calendars.timeZone')} rules={[required]}>
            <Input maxLength={64} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('calendars.weeklyHours')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendars.weeklyHint')}
      </Typography.Paragraph>
      {WEEKDAYS.map((d) => (
        <Row key={d} gutter={8} style={{ marginBottom: 4 }}>
          <Col flex="56px" style={{ lineHeight: '32px' }}>
            {t(`calendars.weekdays.${d}`)}
          </Col>
          <Col flex="auto">
            <RangesField name={`hours_${d}`} emptyText={t('calendars.closed')} />
          </Col>
        </Row>
      ))}
      <Divider style={{ margin: '12px 0' }} />
      <Typography.Text strong>{t('calendars.workdayHours')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('calendars.workdayHoursHint')}
      </Typography.Paragraph>
      <RangesField name="hours_workday" emptyText={t('calendars.workdayHoursHint')} />
    </>
  );
}
