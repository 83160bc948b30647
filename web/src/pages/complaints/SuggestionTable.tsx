import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Suggestion } from '../../api/complaint-types';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { suggestionStatusLabel, targetLabel } from './common';

const STATUS_COLOURS: Record<string, string> = {
  open: 'blue',
  in_progress: 'orange',
  done: 'green',
  rejected: 'default',
};

export function SuggestionStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid="suggestion-status-tag" data-status={status}>
      {suggestionStatusLabel(t, status)}
    </Tag>
  );
}

/** Suggestions with where each stands; overdue ones flagged. */
export function SuggestionTable({
  items,
  loading,
  onEdit,
  showSource = false,
  pagination = false,
}: {
  items: Suggestion[];
  loading?: boolean;
  onEdit: (s: Suggestion) => void;
  showSource?: boolean;
  pagination?: false | object;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const columns: TableColumnsType<Suggestion> = [
    {
      title: t('suggestion.name'),
      dataIndex: 'title',
      render: (title: string, s) => (
        <Space size={4} wrap>
          <span>{title}</span>
          {s.overdue && (
            <Tag color="red" data-testid="suggestion-overdue">
              {t('suggestion.overdue')}
            </Tag>
          )}
        </Space>
      ),
    },
    ...(showSource
      ? [
          {
            title: t('suggestion.source'),
            key: 'source',
            render: (_: unknown, s: Suggestion) =>
              s.complaintId ? (
                <Link to={`/complaints/${s.complaintId}`}>{s.complaintNumber}</Link>
              ) : (
                t(`suggestion.sources.${s.source}`, { defaultValue: s.source })
              ),
          },
        ]
      : []),
    { title: t('suggestion.target'), dataIndex: 'target', render: (v: string) => targetLabel(t, v) },
    { title: t('suggestion.owner'), dataIndex: 'ownerName' },
    { title: t('suggestion.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatTime(v) },
    {
      title: t('suggestion.status'),
      dataIndex: 'status',
      render: (v: string) => <SuggestionStatusTag status={v} />,
    },
    { title: t('suggestion.resolution'), dataIndex: 'resolution', ellipsis: true },
    ...(can('improvement.write')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Suggestion) => (
              <Button size="small" onClick={() => onEdit(s)} data-testid="suggestion-edit">
                {t('suggestion.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<Suggestion>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('suggestion.empty') }}
      pagination={pagination}
      onRow={(s) =>
        ({ 'data-testid': 'suggestion-row', 'data-status': s.status }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
