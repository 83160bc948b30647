import { Checkbox, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type TicketListParams } from '../../api/ticket-types';
import { useCan } from '../../lib/session';
import { useAssigneeOptions } from '../../lib/ticket-lookups';
import { channelOptions, statusOptions, typeOptions } from './common';

export interface QueueFilters {
  status: string[];
  type?: string;
  channel?: string;
  assigneeUserId?: string;
  mine: boolean;
  unassigned: boolean;
  /** 'overdue', or minutes until the deadline (breach risk). */
  due?: string;
  q: string;
  sort: 'due' | 'created' | 'number';
}

// The desk works the open tickets; closed ones are looked up by number.
export const DEFAULT_FILTERS: QueueFilters = {
  status: [...OPEN_STATUSES],
  mine: false,
  unassigned: false,
  q: '',
  sort: 'due',
};

const DUE_WINDOWS = ['overdue', '60', '120', '240', '480'];

export function toParams(f: QueueFilters): TicketListParams {
  return {
    status: f.status.join(',') || undefined,
    type: f.type,
    channel: f.channel,
    assigneeUserId: f.mine ? undefined : f.assigneeUserId,
    mine: f.mine || undefined,
    unassigned: f.unassigned || undefined,
    overdue: f.due === 'overdue' || undefined,
    dueWithinMinutes: f.due && f.due !== 'overdue' ? Number(f.due) : undefined,
    q: f.q.trim() || undefined,
    sort: f.sort,
  };
}

/** The queue's filter bar; every change goes straight to the server query. */
export function TicketFilters({
  value,
  onChange,
}: {
  value: QueueFilters;
  onChange: (f: QueueFilters) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const assignees = useAssigneeOptions(can('user.read'));
  const set = (patch: Partial<QueueFilters>) => onChange({ ...value, ...patch });

  return (
    <>
      <Input.Search
        allowClear
        placeholder={t('tickets.numberSearch')}
        aria-label={t('tickets.numberSearch')}
        data-testid="ticket-search"
        onSearch={(q) => set({ q })}
        style={{ width: 200 }}
      />
      <Select
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        placeholder={t('tickets.filters.status')}
        aria-label={t('tickets.filters.status')}
        options={statusOptions(t)}
        value={value.status}
        onChange={(status) => set({ status })}
        data-testid="filter-status"
        style={{ width: 260 }}
      />
      <Select
        allowClear
        placeholder={t('tickets.filters.type')}
        aria-label={t('tickets.filters.type')}
        options={typeOptions(t)}
        value={value.type}
        onChange={(type) => set({ type })}
        style={{ width: 120 }}
      />
      <Select
        allowClear
        placeholder={t('tickets.filters.channel')}
        aria-label={t('tickets.filters.channel')}
        options={channelOptions(t)}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        style={{ width: 120 }}
      />
      {can('user.read') && (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('tickets.filters.assignee')}
          aria-label={t('tickets.filters.assignee')}
          options={assignees}
          value={value.assigneeUserId}
          disabled={value.mine || value.unassigned}
          onChange={(assigneeUserId) => set({ assigneeUserId })}
          style={{ width: 180 }}
        />
      )}
      <Select
        allowClear
        placeholder={t('tickets.filters.due')}
        aria-label={t('tickets.filters.due')}
        options={DUE_WINDOWS.map((w) => ({ value: w, label: t(`tickets.dueFilter.${w}`) }))}
        value={value.due}
        onChange={(due) => set({ due })}
        data-testid="filter-due"
        style={{ width: 140 }}
      />
      <Checkbox
        checked={value.mine}
        onChange={(e) => set({ mine: e.target.checked, unassigned: false })}
        data-testid="filter-mine"
      >
        {t('tickets.filters.mine')}
      </Checkbox>
      <Checkbox
        checked={value.unassigned}
        onChange={(e) => set({ unassigned: e.target.checked, mine: false })}
        data-testid="filter-unassigned"
      >
        {t('tickets.filters.unassigned')}
      </Checkbox>
      <Select
        aria-label={t('tickets.sort.label')}
        options={(['due', 'created', 'number'] as const).map((s) => ({
          value: s,
          label: t(`tickets.sort.${s}`),
        }))}
        value={value.sort}
        onChange={(sort) => set({ sort })}
        style={{ width: 140 }}
      />
    </>
  );
}
