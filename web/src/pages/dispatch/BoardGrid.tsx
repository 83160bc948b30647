import { Empty, Typography, theme } from 'antd';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Board, WorkOrderSummary } from '../../api/field-types';
import { dayjs } from '../../lib/time';
import { LoadBar, tradeLabel } from '../engineers/LoadBar';
import { DRAG_TYPE, type DragPayload, OrderCard } from './OrderCard';

const ENGINEER_COL = 170;
const DAY_COL_MIN = 128;

export type DropTarget = { engineerId: string; engineerName: string; date: string };

/** Orders by engineer and day; an order with two engineers shows in both rows. */
function index(orders: WorkOrderSummary[]): Map<string, WorkOrderSummary[]> {
  const cells = new Map<string, WorkOrderSummary[]>();
  for (const o of orders) {
    if (!o.plannedDate) continue;
    for (const e of o.engineers) {
      const key = `${e.id}|${o.plannedDate}`;
      cells.set(key, [...(cells.get(key) ?? []), o]);
    }
  }
  return cells;
}

/**
 * Rows are engineers, columns days; a cell takes a dropped card (HTML5 drag and drop) and dispatches
 * the order to that engineer on that day. Days off are greyed but still accept a drop: emergencies
 * happen, and the server's calendar check has the last word.
 */
export function BoardGrid({
  board,
  today,
  canDispatch,
  onDrop,
}: {
  board: Board;
  today: string;
  canDispatch: boolean;
  onDrop: (payload: DragPayload, target: DropTarget) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [over, setOver] = useState<string | null>(null);
  const cells = index(board.orders);
  const columns = `${ENGINEER_COL}px repeat(${board.days.length}, minmax(${DAY_COL_MIN}px, 1fr))`;
  const border = `1px solid ${token.colorBorderSecondary}`;
  const offBg = token.colorFillQuaternary;

  if (board.engineers.length === 0) return <Empty description={t('board.noEngineers')} />;

  const dropProps = (engineerId: string, engineerName: string, date: string) => {
    const key = `${engineerId}|${date}`;
    if (!canDispatch) return {};
    return {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        if (over !== key) setOver(key);
      },
      onDragLeave: () => setOver((k) => (k === key ? null : k)),
      onDrop: (e: DragEvent) => {
        e.preventDefault();
        setOver(null);
        const raw = e.dataTransfer.getData(DRAG_TYPE);
        if (!raw) return;
        try {
          onDrop(JSON.parse(raw) as DragPayload, { engineerId, engineerName, date });
        } catch {
          // A foreign drag (text from another app) carries no order; ignore it.
        }
      },
    };
  };

  return (
    <div style={{ overflowX: 'auto' }} data-testid="board-grid">
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: columns,
          // Fixed minimum, not max-content: long task texts ellipsise instead of widening the week.
          minWidth: ENGINEER_COL + board.days.length * DAY_COL_MIN,
          borderTop: border,
          borderLeft: border,
        }}
      >
        <div
          style={{
            padding: 8,
            borderRight: border,
            borderBottom: border,
            fontWeight: 600,
            position: 'sticky',
            left: 0,
            background: token.colorBgContainer,
            zIndex: 1,
          }}
        >
          {t('board.engineer')}
        </div>
        {board.days.map((d) => {
          const day = dayjs(d.date);
          const isToday = d.date === today;
          return (
            <div
              key={d.date}
              data-testid={`board-day-${d.date}`}
              data-working={String(d.working)}
              style={{
                padding: 8,
                borderRight: border,
                borderBottom: border,
                background: d.working ? (isToday ? token.colorPrimaryBg : token.colorBgContainer) : offBg,
                color: d.working ? undefined : token.colorTextTertiary,
                textAlign: 'center',
                fontWeight: isToday ? 600 : 500,
              }}
            >
              {day.format('MM-DD ddd')}
              {!d.working && <div style={{ fontSize: 12 }}>{t('board.nonWorking')}</div>}
            </div>
          );
        })}
        {board.engineers.map((eng) => (
          <div key={eng.id} style={{ display: 'contents' }} data-testid={`board-row-${eng.id}`}>
            <div
              style={{
                padding: 8,
                borderRight: border,
                borderBottom: border,
                position: 'sticky',
                left: 0,
                background: token.colorBgContainer,
                zIndex: 1,
              }}
            >
              <Typography.Text strong>{eng.name}</Typography.Text>
              <div style={{ fontSize: 12, color: token.colorTextSecondary }}>
                {tradeLabel(t, eng.trade)}
                {eng.regions.length > 0 && ` · ${eng.regions.join('、')}`}
              </div>
              <LoadBar open={eng.openOrders} capacity={eng.capacity} width={70} />
            </div>
            {board.days.map((d) => {
              const key = `${eng.id}|${d.date}`;
              const list = cells.get(key) ?? [];
              return (
                <div
                  key={key}
                  data-testid={`board-cell-${eng.id}-${d.date}`}
                  {...dropProps(eng.id, eng.name, d.date)}
                  style={{
                    padding: 6,
                    minHeight: 84,
                    minWidth: 0,
                    borderRight: border,
                    borderBottom: border,
                    background:
                      over === key ? token.colorPrimaryBgHover : d.working ? token.colorBgContainer : offBg,
                    outline: over === key ? `2px dashed ${token.colorPrimary}` : undefined,
                    outlineOffset: -3,
                    transition: 'background 0.1s',
                  }}
                >
                  {list.map((o) => (
                    <OrderCard key={o.id} order={o} draggable={canDispatch} />
                  ))}
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
