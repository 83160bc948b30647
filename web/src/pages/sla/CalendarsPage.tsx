import { Alert, Button, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarsApi } from '../../api/sla';
import type { Calendar } from '../../api/sla-types';
import { CrudPage } from '../../components/CrudPage';
import { useCan } from '../../lib/session';
import { CALENDARS, useCalendars } from '../../lib/ticket-lookups';
import { formatTime } from '../../lib/time';
import {
  CALENDAR_DEFAULTS,
  CalendarFields,
  type CalendarValues,
  calendarToBody,
  calendarToValues,
} from './CalendarFields';
import { HolidayImportModal } from './HolidayImportModal';
import { localPage } from './local-page';
import { MonthView } from './MonthView';

/** Twenty years of notices read better as "2004–2026" than as twenty tags. */
function yearRuns(years: number[]): string[] {
  const runs: [number, number][] = [];
  for (const y of [...years].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === y - 1) last[1] = y;
    else runs.push([y, y]);
  }
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}–${b}`));
}

/** 服务日历: working hours per weekday, the yearly holiday notice, and a month view to check both. */
export default function CalendarsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const canWrite = can('sla.write');
  // Ids, not records: the modal and the month view always show the latest version from the list.
  const [viewing, setViewing] = useState<string | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  const calendars = useCalendars().data ?? [];
  const missing = calendars.filter((c) => c.missingHolidayYear !== null);
  const shown = calendars.find((c) => c.id === viewing) ?? calendars.find((c) => c.holidayYears.length > 0);

  const columns: ColumnsType<Calendar> = [
    { title: t('calendars.name'), dataIndex: 'name', key: 'name' },
    { title: t('calendars.timeZone'), dataIndex: 'timeZone', key: 'timeZone' },
    {
      title: t('calendars.holidayYears'),
      key: 'years',
      render: (_, c) => (
        <Space size={4} wrap>
          {yearRuns(c.holidayYears).map((run) => (
            <Tag key={run}>{run}</Tag>
          ))}
          {c.missingHolidayYear !== null && (
            <Tag color="warning" data-testid="missing-year">
              {c.missingHolidayYear}?
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatTime(v),
    },
  ];

  return (
    <>
      {missing.map((c) => (
        <Alert
          key={c.id}
          type="warning"
          showIcon
          data-testid="missing-holidays"
          style={{ marginBottom: 12 }}
          title={t('calendars.missingYear', { year: c.missingHolidayYear, name: c.name })}
          description={t('calendars.missingYearHint')}
          action={
            canWrite && (
              <Button size="small" onClick={() => setImporting(c.id)}>
                {t('calendars.importNotice')}
              </Button>
            )
          }
        />
      ))}
      <CrudPage<Calendar, CalendarValues>
        resource={CALENDARS}
        title={t('calendars.title')}
        createLabel={t('calendars.create')}
        createTestId="create-calendar"
        list={(p) => localPage(calendarsApi.list, p)}
        columns={columns}
        canWrite={canWrite}
        rowActions={(c) => (
          <>
            <Button type="link" size="small" data-testid="view-month" onClick={() => setViewing(c.id)}>
              {t('calendars.month')}
            </Button>
            {canWrite && (
              <Button type="link" size="small" data-testid="import-notice" onClick={() => setImporting(c.id)}>
                {t('calendars.importNotice')}
              </Button>
            )}
          </>
        )}
        form={{
          createTitle: t('calendars.create'),
          editTitle: t('calendars.editTitle'),
          modalWidth: 760,
          fields: () => <CalendarFields />,
          toValues: calendarToValues,
          toBody: calendarToBody,
          createDefaults: CALENDAR_DEFAULTS,
          create: (body) => calendarsApi.create(body),
          update: (c, patch) => calendarsApi.update(c.id, { ...patch, version: c.version }),
          fetchOne: calendarsApi.get,
        }}
      />
      {shown && <MonthView calendar={shown} />}
      <HolidayImportModal
        calendar={calendars.find((c) => c.id === importing) ?? null}
        onClose={() => setImporting(null)}
      />
    </>
  );
}
