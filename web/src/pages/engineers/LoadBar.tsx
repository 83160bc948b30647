import { Progress, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

export const tradeLabel = (t: TFunction, trade: string) =>
  t(`field.trades.${trade}`, { defaultValue: trade });

/** openOrders / capacity as a bar: orange from 80 %, red when full. */
export function LoadBar({ open, capacity, width = 120 }: { open: number; capacity: number; width?: number }) {
  const { t } = useTranslation();
  const pct = capacity > 0 ? Math.round((open / capacity) * 100) : 100;
  const colour = pct >= 100 ? '#ff4d4f' : pct >= 80 ? '#fa8c16' : '#52c41a';
  return (
    <Space size={6} data-testid="engineer-load" data-open={open} data-capacity={capacity}>
      <Progress percent={Math.min(pct, 100)} showInfo={false} strokeColor={colour} size={[width, 8]} />
      <Typography.Text style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('engineers.loadText', { open, capacity })}
      </Typography.Text>
    </Space>
  );
}
