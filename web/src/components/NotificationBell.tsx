import { BellOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Dropdown, Empty, Flex, List, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../api/ticket-types';
import { notificationsApi } from '../api/tickets';
import { useApiErrorHandler } from '../lib/errors';
import { NOTIFICATIONS } from '../lib/ticket-lookups';
import { formatTime } from '../lib/time';

// Escalations must reach the desk within a minute; half of that keeps the badge honest.
const POLL_MS = 30_000;
const LATEST = 20;

/** The header's bell: unread count, the latest notifications, a click opens what it is about. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [open, setOpen] = useState(false);
  const query = useQuery({
    queryKey: [NOTIFICATIONS],
    queryFn: () => notificationsApi.list({ limit: LATEST }),
    refetchInterval: POLL_MS,
    // A failed poll keeps the last list; the next one will try again.
    retry: false,
  });
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];

  const markRead = async (body: { ids: string[] } | { all: true }) => {
    try {
      const { unread: left } = await notificationsApi.read(body);
      queryClient.setQueryData([NOTIFICATIONS], (old: typeof query.data) =>
        old
          ? {
              unread: left,
              items: old.items.map((n) =>
                'all' in body || body.ids.includes(n.id)
                  ? { ...n, readAt: n.readAt ?? new Date().toISOString() }
                  : n,
              ),
            }
          : old,
      );
    } catch (err) {
      handleError(err);
    }
  };

  const openOne = (n: AppNotification) => {
    setOpen(false);
    if (!n.readAt) void markRead({ ids: [n.id] });
    if (n.link) navigate(n.link);
    else if (n.ticketId) navigate(`/tickets/${n.ticketId}`);
  };

  const panel = (
    <div
      data-testid="notification-panel"
      style={{
        width: 360,
        maxWidth: '92vw',
        background: token.colorBgElevated,
        borderRadius: token.borderRadiusLG,
        boxShadow: token.boxShadowSecondary,
      }}
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '8px 12px', borderBottom: `1px solid ${token.colorSplit}` }}
      >
        <Typography.Text strong>{t('notifications.unread', { n: unread })}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} onClick={() => void markRead({ all: true })}>
          {t('notifications.markAll')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notifications.empty')}
          style={{ padding: 16 }}
        />
      ) : (
        <List
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => openOne(n)}
              data-testid="notification-item"
              data-read={n.readAt ? 'true' : 'false'}
              style={{
                cursor: 'pointer',
                padding: '8px 12px',
                background: n.readAt ? undefined : token.colorPrimaryBg,
              }}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
                description={
                  <>
                    {n.body && (
                      <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                        {n.body}
                      </Typography.Paragraph>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Dropdown
      trigger={['click']}
      open={open}
      onOpenChange={setOpen}
      popupRender={() => panel}
      placement="bottomRight"
    >
      <Button type="text" aria-label={t('notifications.bell')} data-testid="notification-bell">
        <Badge count={unread} size="small" overflowCount={99} data-testid="notification-count">
          <BellOutlined aria-hidden style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Dropdown>
  );
}
