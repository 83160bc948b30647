import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { calendarsApi } from '../../api/sla';
import type { Calendar, NoticeDay } from '../../api/sla-types';
import { FormModal } from '../../components/FormModal';
import { CALENDARS } from '../../lib/ticket-lookups';
import { parseNotice } from './holiday-parse';

interface Values {
  year: number;
  text: string;
}

/** What will be imported, before it is: the days understood and the lines that were not. */
function Preview() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const text = (Form.useWatch('text', form) as string | undefined) ?? '';
  const year = Form.useWatch('year', form) as number | undefined;
  if (!text.trim()) return null;
  const { days, bad } = parseNotice(text);
  const otherYear = days.filter((d) => !d.date.startsWith(`${year}-`)).length;
  const holidays = days.filter((d) => d.kind === 'holiday').length;
  return (
    <div data-testid="notice-preview">
      <Typography.Text strong data-testid="notice-summary">
        {t('holidayImport.preview', { holidays, workdays: days.length - holidays })}
      </Typography.Text>
      {otherYear > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('holidayImport.otherYear', { n: otherYear, year })}
          style={{ margin: '8px 0' }}
        />
      )}
      {bad.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="notice-bad"
          style={{ margin: '8px 0' }}
          title={t('holidayImport.badLines', { n: bad.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {bad.slice(0, 10).map((b) => (
                <li key={b.line}>{t('holidayImport.line', { n: b.line, text: b.text })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<NoticeDay>
        size="small"
        rowKey="date"
        dataSource={days}
        pagination={false}
        scroll={{ y: 240 }}
        style={{ marginTop: 8 }}
        columns={[
          { title: t('holidayImport.date'), dataIndex: 'date', width: 120 },
          { title: t('holidayImport.name'), dataIndex: 'name' },
          {
            title: t('holidayImport.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: NoticeDay['kind']) => (
              <Tag color={k === 'holiday' ? 'red' : 'orange'}>{t(`holidayImport.${k}`)}</Tag>
            ),
          },
        ]}
      />
    </div>
  );
}

/**
 * 导入节假日安排: the State Council's table for one year, pasted from Excel. Unparsed lines are shown
 * and left out; the server replaces that year's holidays and make-up days on this calendar.
 */
export function HolidayImportModal({
  calendar,
  onClose,
}: {
  calendar: Calendar | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const nextYear = new Date().getFullYear() + 1;

  const submit = async (v: Values) => {
    if (!calendar) return;
    const { days } = parseNotice(v.text ?? '');
    if (days.length === 0) throw new Error(t('holidayImport.empty'));
    await calendarsApi.importNotice(calendar.id, { version: calendar.version, year: v.year, days });
    void message.success(t('holidayImport.done', { year: v.year }));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [CALENDARS] });
  };

  return (
    <FormModal<Values>
      open={calendar !== null}
      title={t('holidayImport.title', { name: calendar?.name ?? '' })}
      width={720}
      initialValues={{ year: calendar?.missingHolidayYear ?? nextYear }}
      onSubmit={submit}
      onCancel={onClose}
      onConflict={() => void queryClient.invalidateQueries({ queryKey: [CALENDARS] })}
    >
      <Form.Item
        name="year"
        label={t('holidayImport.year')}
        rules={[{ required: true, message: t('users.required') }]}
      >
        <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.year !== b.year}>
        {({ getFieldValue }) => (
          <Alert
            type="info"
            showIcon
            title={t('holidayImport.replaceHint', { year: getFieldValue('year') })}
            style={{ marginBottom: 12 }}
          />
        )}
      </Form.Item>
      <Form.Item
        name="text"
        label={t('holidayImport.paste')}
        extra={t('holidayImport.pasteHint')}
        rules={[{ required: true, whitespace: true, message: t('holidayImport.empty') }]}
      >
        <Input.TextArea rows={8} data-testid="notice-text" style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Preview />
    </FormModal>
  );
}
