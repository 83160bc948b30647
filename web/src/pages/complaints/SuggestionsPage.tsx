import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../api/complaint-types';
import { suggestionsApi } from '../../api/complaints';
import { SUGGESTIONS } from '../../lib/complaint-lookups';
import { useReportError } from '../../lib/errors';
import { suggestionStatusOptions, targetOptions } from './common';
import { CreateSuggestionModal, EditSuggestionModal } from './SuggestionModals';
import { SuggestionTable } from './SuggestionTable';

const PAGE_SIZE = 20;

/** 产品改进建议: what R&D, quality, service and parts were asked to change, tracked until done. */
export default function SuggestionsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string[]>(['open', 'in_progress']);
  const [target, setTarget] = useState<string[]>([]);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const params = {
    status: status.join(',') || undefined,
    target: target.join(',') || undefined,
    overdue: overdue || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [SUGGESTIONS, 'list', params],
    queryFn: ({ signal }) => suggestionsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
  useReportError(query.error);
  const first = () => setPage((p) => ({ ...p, current: 1 }));

  return (
    <Card
      title={t('suggestion.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="suggestion-create"
        >
          {t('suggestion.create')}
        </Button>
      }
    >
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('suggestion.status')}
            aria-label={t('suggestion.status')}
            options={suggestionStatusOptions(t)}
            value={status}
            onChange={(v) => {
              setStatus(v);
              first();
            }}
            style={{ width: 240 }}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder={t('suggestion.target')}
            aria-label={t('suggestion.target')}
            options={targetOptions(t)}
            value={target}
            onChange={(v) => {
              setTarget(v);
              first();
            }}
            style={{ width: 220 }}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => {
              setOverdue(e.target.checked);
              first();
            }}
            data-testid="suggestion-filter-overdue"
          >
            {t('suggestion.overdueOnly')}
          </Checkbox>
        </Space>
      </Flex>
      <SuggestionTable
        items={query.data?.items ?? []}
        loading={query.isFetching && !query.data}
        onEdit={setEditing}
        showSource
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (current: number, pageSize: number) => setPage({ current, pageSize }),
        }}
      />
      <CreateSuggestionModal open={creating} onClose={() => setCreating(false)} />
      <EditSuggestionModal suggestion={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
