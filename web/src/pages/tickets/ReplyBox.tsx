import { SendOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { isOpen } from './common';
import { useTicketChanged } from './use-ticket';

type Visibility = 'customer' | 'internal';

/**
 * Reply to the customer or, for staff who handle tickets, an internal note. The choice is explicit
 * and internal is shown in orange: a note sent to the customer by mistake cannot be taken back.
 */
export function ReplyBox({ ticket, allowInternal }: { ticket: Ticket; allowInternal: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const ticketId = ticket.id;
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useTicketChanged();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('customer');
  const [sending, setSending] = useState(false);
  const internal = allowInternal && visibility === 'internal';

  const send = async () => {
    const text = body.trim();
    if (!text) return;
    setSending(true);
    try {
      changed(
        await ticketsApi.reply(ticketId, { body: text, visibility: internal ? 'internal' : 'customer' }),
      );
      setBody('');
      void message.success(t('reply.sent'));
    } catch (err) {
      handleError(err);
    } finally {
      setSending(false);
    }
  };

  // Closed and cancelled tickets take no more messages (the server refuses them too).
  if (!can('ticket.reply') || !isOpen(ticket)) return null;

  return (
    <div data-testid="reply-box" style={{ marginTop: 8 }}>
      {allowInternal && (
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          size="small"
          value={visibility}
          onChange={(e) => setVisibility(e.target.value as Visibility)}
          options={[
            { value: 'customer', label: t('reply.toCustomer') },
            { value: 'internal', label: t('reply.internal') },
          ]}
          data-testid="reply-visibility"
          style={{ marginBottom: 8 }}
        />
      )}
      <Input.TextArea
        rows={3}
        maxLength={5000}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={internal ? t('reply.internalHint') : t('reply.placeholder')}
        aria-label={internal ? t('reply.internal') : t('reply.toCustomer')}
        data-testid="reply-text"
        style={internal ? { background: '#fff7e6' } : undefined}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {internal ? t('reply.internalHint') : ''}
        </Typography.Text>
        <Button
          type="primary"
          icon={<SendOutlined aria-hidden />}
          disabled={sending || !body.trim()}
          data-testid="reply-send"
          onClick={() => void send()}
        >
          {t('reply.send')}
        </Button>
      </Flex>
    </div>
  );
}
