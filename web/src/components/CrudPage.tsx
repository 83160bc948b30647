import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListParams } from '../api/types';
import { useApiErrorHandler } from '../lib/errors';
import { createBody, patchBody } from '../lib/forms';
import type { Page, Versioned } from '../lib/list';
import { FormModal } from './FormModal';

type Values = Record<string, unknown>;
type Filters = Record<string, string | number | boolean | undefined>;

export interface CrudFormConfig<T extends Versioned, V extends Values> {
  createTitle: string;
  editTitle: string;
  /** Fields for both modes; `record` is set when editing. */
  fields: (mode: 'create' | 'edit', record?: T) => ReactNode;
  toValues: (record: T) => V;
  createDefaults?: Partial<V>;
  create: (body: Partial<V>) => Promise<unknown>;
  /** Receives only the changed fields; the page adds `version` and the id. */
  update: (record: T, patch: Partial<Record<keyof V, unknown>>) => Promise<unknown>;
  /** Fresh copy after a version conflict; without it the current list page is refetched. */
  fetchOne?: (id: string) => Promise<T>;
  /**
   * Turns form values into API shape (nested objects, lists of rows) before diffing and sending;
   * applied to both sides of an edit so untouched fields never show up as changes.
   */
  toBody?: (values: V) => V;
  modalWidth?: number;
}

export interface CrudSearch {
  /** Query parameter the box fills; `q` unless the list searches otherwise (e.g. `serialPrefix`). */
  param?: string;
  placeholder?: string;
  /** Search while typing, after this pause; without it the search runs on Enter. */
  debounceMs?: number;
  testId?: string;
}

export interface CrudPageProps<T extends Versioned, V extends Values> {
  /** Query-key root; invalidated after every change so lookups built on it refresh too. */
  resource: string;
  title: string;
  createLabel: string;
  createTestId?: string;
  list: (params: ListParams & Filters) => Promise<Page<T>>;
  /** Extra filter values owned by the page (their controls go in `filters`). */
  extraParams?: Filters;
  filters?: ReactNode;
  /** Page-level buttons shown beside "create" (e.g. Excel import/export). */
  toolbar?: ReactNode;
  search?: CrudSearch;
  columns: ColumnsType<T>;
  rowActions?: (record: T) => ReactNode;
  canWrite: boolean;
  form: CrudFormConfig<T, V>;
}

const DEFAULT_PAGE_SIZE = 20;

export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return active ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>;
}

/** Search + server-side paginated table + create/edit modal, shared by every admin list page. */
export function CrudPage<T extends Versioned, V extends Values>(props: CrudPageProps<T, V>) {
  const { resource, list, extraParams, columns, rowActions, canWrite, form: config } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const searchParam = props.search?.param ?? 'q';
  const debounceMs = props.search?.debounceMs;
  useEffect(() => {
    if (debounceMs === undefined) return;
    const timer = setTimeout(() => {
      setQ(typed.trim());
      // A new search term makes the old page number meaningless.
      setPage((p) => (p.current === 1 ? p : { ...p, current: 1 }));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [typed, debounceMs]);
  const [page, setPage] = useState({ current: 1, pageSize: DEFAULT_PAGE_SIZE });
  const [modal, setModal] = useState<{ mode: 'create' } | { mode: 'edit'; record: T } | null>(null);

  const filterKey = JSON.stringify(extraParams ?? {});
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    // New filters make the old page number meaningless; go back to the first page.
    setLastFilterKey(filterKey);
    setPage((p) => ({ ...p, current: 1 }));
  }

  const params = {
    ...extraParams,
    [searchParam]: q || undefined,
    limit: page.pageSize,
    offset: (page.current - 1) * page.pageSize,
  };
  const query = useQuery({
    queryKey: [resource, 'list', params],
    queryFn: () => list(params),
    placeholderData: keepPreviousData,
  });
  useEffect(() => {
    if (query.error) handleError(query.error);
  }, [query.error, handleError]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: [resource] });

  const reloadEditing = async () => {
    if (modal?.mode !== 'edit') return;
    const id = modal.record.id;
    try {
      let fresh: T | undefined;
      if (config.fetchOne) fresh = await config.fetchOne(id);
      else fresh = (await list(params)).items.find((r) => r.id === id);
      void refresh();
      if (!fresh) {
        setModal(null);
        return;
      }
      // The new version changes the modal's resetKey, which refills the form from `fresh`.
      setModal({ mode: 'edit', record: fresh });
    } catch (err) {
      handleError(err);
    }
  };

  const toBody = config.toBody ?? ((v: V) => v);
  const submit = async (values: V) => {
    if (modal?.mode === 'edit') {
      const patch = patchBody(toBody(config.toValues(modal.record)), toBody(values));
      if (Object.keys(patch).length > 0) {
        await config.update(modal.record, patch);
        void message.success(t('common.saved'));
      }
    } else {
      await config.create(createBody(toBody(values)));
      void message.success(t('common.created'));
    }
    setModal(null);
    await refresh();
  };

  const allColumns: ColumnsType<T> = [...columns];
  if (canWrite || rowActions) {
    allColumns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_: unknown, record: T) => (
        <Space size="small" wrap>
          {canWrite && (
            <Button type="link" size="small" onClick={() => setModal({ mode: 'edit', record })}>
              {t('common.edit')}
            </Button>
          )}
          {rowActions?.(record)}
        </Space>
      ),
    });
  }

  return (
    <Card title={props.title}>
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={props.search?.placeholder ?? t('common.searchPlaceholder')}
            aria-label={props.search?.placeholder ?? t('common.search')}
            // data-* lands on the wrapper, id on the <input> itself: tests may use either.
            data-testid={props.search?.testId}
            id={props.search?.testId}
            onChange={debounceMs === undefined ? undefined : (e) => setTyped(e.target.value)}
            onSearch={(value) => {
              setTyped(value);
              setQ(value.trim());
              setPage((p) => ({ ...p, current: 1 }));
            }}
            style={{ width: 240 }}
          />
          {props.filters}
        </Space>
        <Space wrap>
          {props.toolbar}
          {canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              data-testid={props.createTestId}
              onClick={() => setModal({ mode: 'create' })}
            >
              {props.createLabel}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<T>
        rowKey="id"
        size="middle"
        columns={allColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) =>
            setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <FormModal<V>
        open={modal !== null}
        title={modal?.mode === 'edit' ? config.editTitle : config.createTitle}
        width={config.modalWidth}
        initialValues={modal?.mode === 'edit' ? config.toValues(modal.record) : config.createDefaults}
        resetKey={modal?.mode === 'edit' ? `${modal.record.id}:${modal.record.version}` : 'create'}
        onSubmit={submit}
        onCancel={() => setModal(null)}
        onConflict={() => void reloadEditing()}
      >
        {modal && config.fields(modal.mode, modal.mode === 'edit' ? modal.record : undefined)}
      </FormModal>
    </Card>
  );
}
