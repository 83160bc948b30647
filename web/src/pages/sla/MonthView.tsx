import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Flex, Space, Spin, Tag, Typography, theme } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarsApi } from '../../api/sla';
import { type Calendar, type CalendarDay, WEEKDAYS } from '../../api/sla-types';
import { CALENDARS } from '../../lib/ticket-lookups';
import { dayjs, TIME_ZONE } from '../../lib/time';

const KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
// Days off red, make-up working days orange (the ones people forget), weekends grey.
const KIND_COLOURS: Record<string, string> = {
  workday: 'default',
  weekend: 'default',
  holiday: 'red',
  makeup: 'orange',
};

function useBackground(kind: string): string | undefined {
  const { token } = theme.useToken();
  return { holiday: token.colorErrorBg, makeup: token.colorWarningBg, weekend: token.colorFillQuaternary }[
    kind
  ];
}

function DayCell({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  const background = useBackground(day.kind);
  return (
    <div
      data-testid="calendar-day"
      data-date={day.date}
      data-kind={day.kind}
      style={{ background, minHeight: 72, padding: 4, borderRadius: 4, fontSize: 12, overflow: 'hidden' }}
    >
      <Flex justify="space-between">
        <strong>{Number(day.date.slice(8))}</strong>
        {day.kind !== 'workday' && day.kind !== 'weekend' && (
          <Tag
            color={KIND_COLOURS[day.kind]}
            style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px' }}
          >
            {t(`calendars.kinds.${day.kind}`, { defaultValue: day.kind })}
          </Tag>
        )}
      </Flex>
      {day.name && <div>{day.name}</div>}
      {day.hours.map(([from, to]) => (
        <Typography.Text key={from} type="secondary" style={{ display: 'block', fontSize: 11 }}>
          {from}–{to}
        </Typography.Text>
      ))}
    </div>
  );
}

/** One month of a calendar as the server computes it: hours, holidays and make-up days. */
export function MonthView({ calendar }: { calendar: Calendar }) {
  const { t } = useTranslation();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().tz(TIME_ZONE).startOf('month'));
  const key = month.format('YYYY-MM');
  const query = useQuery({
    queryKey: [CALENDARS, 'days', calendar.id, calendar.version, key],
    queryFn: () => calendarsApi.days(calendar.id, key),
  });
  const days = query.data?.items ?? [];
  // Monday-first grid: blank cells before the 1st.
  const lead = days.length > 0 ? WEEKDAYS.indexOf(days[0]!.weekday as (typeof WEEKDAYS)[number]) : 0;

  return (
    <Card
      title={t('calendars.monthOf', { name: calendar.name })}
      style={{ marginTop: 16 }}
      data-testid="month-view"
      extra={
        <Space>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label="prev"
            onClick={() => setMonth((m) => m.subtract(1, 'month'))}
          />
          <DatePicker
            picker="month"
            allowClear={false}
            value={month}
            onChange={(m) => m && setMonth(m.startOf('month'))}
          />
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label="next"
            onClick={() => setMonth((m) => m.add(1, 'month'))}
          />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {KINDS.map((k) => (
          <Tag key={k} color={KIND_COLOURS[k]}>
            {t(`calendars.kinds.${k}`)}
          </Tag>
        ))}
      </Space>
      <Spin spinning={query.isFetching}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
          {WEEKDAYS.map((d) => (
            <div key={d} style={{ textAlign: 'center', fontWeight: 600 }}>
              {t(`calendars.weekdays.${d}`)}
            </div>
          ))}
          {Array.from({ length: Math.max(0, lead) }, (_, i) => (
            <div key={`lead-${i}`} />
          ))}
          {days.map((d) => (
            <DayCell key={d.date} day={d} />
          ))}
        </div>
      </Spin>
    </Card>
  );
}
