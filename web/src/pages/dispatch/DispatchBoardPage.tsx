import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Grid,
  Input,
  Space,
  Spin,
  Typography,
  theme,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boardApi, workOrdersApi } from '../../api/field';
import type { WorkOrderSummary } from '../../api/field-types';
import { useApiErrorHandler, useReportError } from '../../lib/errors';
import { DISPATCH_BOARD, useWorkOrderChanged } from '../../lib/field-lookups';
import { useCan } from '../../lib/session';
import { DATE_FORMAT, dayjs, TIME_ZONE } from '../../lib/time';
import { BoardGrid, type DropTarget } from './BoardGrid';
import { type DragPayload, OrderCard } from './OrderCard';
import { SuggestDrawer } from './SuggestDrawer';

const DAYS = 7;

/** Today in Beijing, whatever the browser's zone. */
const todayInShanghai = () => dayjs().tz(TIME_ZONE).format(DATE_FORMAT);

/** The Monday of the week holding `day` (the board's weeks run Monday to Sunday, as in China). */
const mondayOf = (day: string) => {
  const d = dayjs(day);
  return d.subtract((d.day() + 6) % 7, 'day').format(DATE_FORMAT);
};

/** 派工看板: who goes where on which day, by dragging cards from 待派工 onto engineer × day. */
export default function DispatchBoardPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const today = todayInShanghai();
  const [from, setFrom] = useState(() => mondayOf(today));
  const [q, setQ] = useState('');
  const [suggestFor, setSuggestFor] = useState<WorkOrderSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const canDispatch = can('workorder.write');
  const side = !!Grid.useBreakpoint().xxl;
  const { token } = theme.useToken();

  const params = { from, days: DAYS, q: q.trim() || undefined };
  const query = useQuery({
    queryKey: [DISPATCH_BOARD, params],
    queryFn: () => boardApi.get(params),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  useReportError(query.error);
  const board = query.data;

  const dispatch = async (
    order: Pick<WorkOrderSummary, 'id' | 'version' | 'number'>,
    engineer: { id: string; name: string },
    date: string,
  ): Promise<boolean> => {
    setBusy(true);
    try {
      const next = await workOrdersApi.dispatch(order.id, {
        version: order.version,
        engineerIds: [engineer.id],
        plannedDate: date,
      });
      changed(order.id, next);
      void message.success(t('board.dispatched', { number: order.number, name: engineer.name, date }));
      return true;
    } catch (err) {
      // A stale card (someone else moved it): reload the board so the next drag uses the new version.
      handleError(err, { onConflict: () => void query.refetch() });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (p: DragPayload, target: DropTarget) =>
    void dispatch(p, { id: target.engineerId, name: target.engineerName }, target.date);

  const shift = (weeks: number) =>
    setFrom((f) =>
      dayjs(f)
        .add(weeks * 7, 'day')
        .format(DATE_FORMAT),
    );
  // The suggestion dispatches on the card's own day when it has one in view, else today.
  const suggestDate =
    suggestFor?.plannedDate && suggestFor.plannedDate >= today ? suggestFor.plannedDate : today;

  return (
    <Card
      title={t('board.title')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {canDispatch ? t('board.dropHint') : t('board.readOnly')}
        </Typography.Text>
      }
    >
      <Flex gap="small" wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Button icon={<LeftOutlined aria-hidden />} onClick={() => shift(-1)} data-testid="board-prev">
            {t('board.prevWeek')}
          </Button>
          <Button onClick={() => setFrom(mondayOf(today))} data-testid="board-this-week">
            {t('board.thisWeek')}
          </Button>
          <Button onClick={() => shift(1)} data-testid="board-next">
            {t('board.nextWeek')} <RightOutlined aria-hidden />
          </Button>
          <DatePicker
            picker="week"
            allowClear={false}
            aria-label={t('board.week')}
            value={dayjs(from)}
            onChange={(d) => d && setFrom(mondayOf(d.format(DATE_FORMAT)))}
            data-testid="board-week"
          />
        </Space>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={t('board.search')}
            aria-label={t('board.search')}
            onSearch={setQ}
            style={{ width: 220 }}
            data-testid="board-search"
          />
          <Button
            icon={<ReloadOutlined aria-hidden />}
            aria-label={t('tickets.refresh')}
            onClick={() => void query.refetch()}
          />
        </Space>
      </Flex>
      {!board ? (
        query.error ? (
          <Alert type="error" showIcon title={String((query.error as Error).message)} />
        ) : (
          <Spin style={{ display: 'block', margin: '64px auto' }} />
        )
      ) : (
        <Spin spinning={busy || (query.isFetching && query.isPlaceholderData)}>
          {/* Wide screens keep the waiting cards beside the grid; narrower ones above it, so the week fits. */}
          <Flex vertical={!side} gap={16} align="flex-start">
            <Card
              size="small"
              title={`${t('board.unplanned')}（${board.unplanned.length}）`}
              data-testid="board-unplanned"
              style={{ width: side ? 260 : '100%', flex: 'none' }}
              styles={{
                body: {
                  maxHeight: side ? '70vh' : 280,
                  overflowY: 'auto',
                  background: token.colorFillQuaternary,
                  ...(side
                    ? {}
                    : {
                        display: 'grid',
                        gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
                        gap: 8,
                      }),
                },
              }}
            >
              {board.unplanned.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('board.unplannedEmpty')} />
              ) : (
                board.unplanned.map((o) => (
                  <OrderCard key={o.id} order={o} draggable={canDispatch} onSuggest={setSuggestFor} />
                ))
              )}
            </Card>
            <div style={{ flex: 1, minWidth: 0, width: '100%' }}>
              <BoardGrid board={board} today={today} canDispatch={canDispatch} onDrop={onDrop} />
            </div>
          </Flex>
        </Spin>
      )}
      <SuggestDrawer
        order={suggestFor}
        plannedDate={suggestDate}
        canDispatch={canDispatch}
        onClose={() => setSuggestFor(null)}
        onDispatch={(o, s, date) => dispatch(o, { id: s.engineerId, name: s.name }, date)}
      />
    </Card>
  );
}
