import { useQuery } from '@tanstack/react-query';
import { Button, Drawer, Empty, Flex, List, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { Suggestion, WorkOrderSummary } from '../../api/field-types';
import { useReportError } from '../../lib/errors';
import { WORK_ORDERS } from '../../lib/field-lookups';
import { LoadBar } from '../engineers/LoadBar';

// The best a suggestion can score (skill 40, trade 20, region 25, dealer 15, load 20, free day 10,
// src/domain/field/dispatch-suggest.ts); the bar is the share of that, the number is shown beside it.
const MAX_SCORE = 130;
const percent = (score: number, top: number) =>
  Math.max(0, Math.min(100, Math.round((score / Math.max(MAX_SCORE, top)) * 100)));

/**
 * 推荐: engineers ranked by the server (trade, skills, region, load, calendar), each with the
 * points behind the score, and a button that dispatches to them on the card's day (or today).
 */
export function SuggestDrawer({
  order,
  plannedDate,
  canDispatch,
  onClose,
  onDispatch,
}: {
  order: WorkOrderSummary | null;
  plannedDate: string;
  canDispatch: boolean;
  onClose: () => void;
  onDispatch: (
    order: WorkOrderSummary,
    engineer: Pick<Suggestion, 'engineerId' | 'name'>,
    date: string,
  ) => Promise<boolean>;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const query = useQuery({
    queryKey: [WORK_ORDERS, 'suggestions', order?.id, order?.version],
    queryFn: () => workOrdersApi.suggestions(order!.id),
    enabled: !!order,
  });
  useReportError(query.error);
  const items = query.data?.items ?? [];

  return (
    <Drawer
      open={!!order}
      onClose={onClose}
      title={order ? t('board.suggestTitle', { number: order.number }) : ''}
      size={440}
      data-testid="suggest-drawer"
      destroyOnHidden
    >
      {order && (
        <Typography.Paragraph type="secondary">
          {order.customerName} · {order.task}
          <br />
          {t('board.suggestFor', { date: plannedDate })}
        </Typography.Paragraph>
      )}
      {query.isLoading ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : items.length === 0 ? (
        <Empty description={t('board.noSuggestions')} />
      ) : (
        <List
          dataSource={items}
          renderItem={(s, index) => (
            <List.Item data-testid={`suggestion-${s.engineerId}`}>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Space>
                    <Tag color={index === 0 ? 'gold' : 'default'}>#{index + 1}</Tag>
                    <Typography.Text strong>{s.name}</Typography.Text>
                  </Space>
                  {canDispatch && order && (
                    <Button
                      type={index === 0 ? 'primary' : 'default'}
                      size="small"
                      data-testid={`dispatch-to-${s.engineerId}`}
                      onClick={async () => {
                        if (await onDispatch(order, s, plannedDate)) onClose();
                      }}
                    >
                      {t('board.dispatchTo')}
                    </Button>
                  )}
                </Flex>
                <Flex align="center" gap={8}>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {t('board.score')}
                  </Typography.Text>
                  <Progress
                    percent={percent(s.score, items[0]?.score ?? 0)}
                    format={() => t('board.scoreText', { n: s.score })}
                    size="small"
                    data-testid="suggestion-score"
                    data-score={s.score}
                  />
                </Flex>
                <LoadBar open={s.openOrders} capacity={s.capacity} width={100} />
                <ul style={{ margin: 0, paddingLeft: 18, fontSize: 12 }}>
                  {s.reasons.map((r) => (
                    <li key={r.code} data-testid="suggestion-reason" data-code={r.code}>
                      <Typography.Text type={r.points < 0 ? 'danger' : undefined} style={{ fontSize: 12 }}>
                        {r.points > 0 ? '+' : ''}
                        {t('board.points', { n: r.points })} · {en && r.messageEn ? r.messageEn : r.message}
                      </Typography.Text>
                    </li>
                  ))}
                </ul>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}
