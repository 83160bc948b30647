import { BulbOutlined } from '@ant-design/icons';
import { Button, Tooltip, Typography, theme } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkOrderSummary } from '../../api/field-types';
import { STATUS_HEX, woStatusLabel } from '../work-orders/common';

/** The drag payload: enough to dispatch without looking the order up again. */
export const DRAG_TYPE = 'application/x-work-order';
export type DragPayload = { id: string; version: number; number: string };

// Once the engineer has set off, moving the card would contradict what is happening on the road.
export const movable = (o: WorkOrderSummary) => o.status === 'planned' || o.status === 'dispatched';

/** A work order on the board: number, customer, task, status colour; dragged onto a cell to dispatch. */
export function OrderCard({
  order,
  draggable,
  onSuggest,
  onDragState,
}: {
  order: WorkOrderSummary;
  draggable: boolean;
  onSuggest?: (o: WorkOrderSummary) => void;
  onDragState?: (dragging: boolean) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const canDrag = draggable && movable(order);
  const start = (e: DragEvent<HTMLDivElement>) => {
    const payload: DragPayload = { id: order.id, version: order.version, number: order.number };
    e.dataTransfer.setData(DRAG_TYPE, JSON.stringify(payload));
    e.dataTransfer.setData('text/plain', order.number);
    e.dataTransfer.effectAllowed = 'move';
    onDragState?.(true);
  };
  return (
    <article
      aria-label={order.number}
      title={`${order.number} · ${woStatusLabel(t, order.status)}`}
      draggable={canDrag}
      onDragStart={canDrag ? start : undefined}
      onDragEnd={() => onDragState?.(false)}
      data-testid={`wo-card-${order.number}`}
      data-status={order.status}
      data-id={order.id}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${token.colorBorderSecondary}`,
        borderLeft: `4px solid ${STATUS_HEX[order.status] ?? '#bfbfbf'}`,
        borderRadius: 6,
        padding: '6px 8px',
        marginBottom: onSuggest ? 0 : 6,
        cursor: canDrag ? 'grab' : 'default',
        fontSize: 12,
        lineHeight: 1.4,
        boxShadow: '0 1px 2px rgba(0,0,0,0.04)',
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 4, alignItems: 'center' }}>
        <Link
          to={`/work-orders/${order.id}`}
          style={{
            fontWeight: 600,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            minWidth: 0,
          }}
          draggable={false}
        >
          {order.number}
        </Link>
        {/* Board cells are narrow: there the coloured edge (and the tooltip) carries the status. */}
        {onSuggest && (
          <span style={{ color: STATUS_HEX[order.status], whiteSpace: 'nowrap' }}>
            {woStatusLabel(t, order.status)}
          </span>
        )}
      </div>
      <Typography.Text ellipsis style={{ fontSize: 12, display: 'block' }}>
        {order.customerName}
      </Typography.Text>
      <Typography.Paragraph
        type="secondary"
        ellipsis={{ rows: 2, tooltip: order.task }}
        style={{ fontSize: 12, margin: 0 }}
      >
        {order.task}
      </Typography.Paragraph>
      {onSuggest && (
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {order.plannedDate ?? ''}
            {order.engineers.length > 0 ? ` · ${order.engineers.map((e) => e.name).join('、')}` : ''}
          </Typography.Text>
          <Tooltip title={t('board.suggest')}>
            <Button
              size="small"
              icon={<BulbOutlined aria-hidden />}
              onClick={() => onSuggest(order)}
              data-testid={`suggest-${order.number}`}
            >
              {t('board.suggest')}
            </Button>
          </Tooltip>
        </div>
      )}
    </article>
  );
}
