import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_STATUSES, type Ticket, type TicketStatus, type TransitionTo } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { FormModal } from '../../components/FormModal';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { AssignModal } from './AssignModal';
import { useTicketChanged } from './use-ticket';

type NoteKind = 'resolve' | 'pause' | 'cancel' | 'close';
type ModalKind = 'assign' | NoteKind;

interface NoteConfig {
  title: string;
  label: string;
  required: boolean;
  hint?: string;
  run: (text: string | undefined) => Promise<Ticket>;
}

// Mirrors the server's workflow, so only buttons that can work are offered.
const OPEN: readonly TicketStatus[] = OPEN_STATUSES;
const CAN_START: TicketStatus[] = ['new', 'arranged'];
const CAN_PAUSE: TicketStatus[] = ['new', 'arranged', 'in_progress'];

interface NoteValues {
  text?: string;
}

/** One text box in a modal: resolution, pause reason, cancel reason, closing note. */
function NoteModal(
  props: Omit<NoteConfig, 'run'> & {
    onSubmit: (text: string | undefined) => Promise<void>;
    onCancel: () => void;
    onConflict: () => void;
  },
) {
  const { t } = useTranslation();
  return (
    <FormModal<NoteValues>
      open
      title={props.title}
      onSubmit={(v) => props.onSubmit(v.text?.trim() || undefined)}
      onCancel={props.onCancel}
      onConflict={props.onConflict}
    >
      {props.hint && <Alert type="info" showIcon title={props.hint} style={{ marginBottom: 12 }} />}
      <Form.Item
        name="text"
        label={props.label}
        rules={props.required ? [{ required: true, whitespace: true, message: t('users.required') }] : []}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount data-testid="note-text" />
      </Form.Item>
    </FormModal>
  );
}

/** The buttons a ticket offers in its status to someone with these permissions. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const changed = useTicketChanged();
  const [modal, setModal] = useState<ModalKind | null>(null);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  // Someone else changed the ticket: show theirs; the modal stays open to try again.
  const reload = () => void queryClient.invalidateQueries({ queryKey: [TICKETS, 'detail', ticket.id] });
  const status = ticket.status;
  const handle = can('ticket.handle');
  const assigned = !!(ticket.assigneeUserId || ticket.assigneeDealerId || ticket.assigneeDepartmentId);

  const done = (next: Ticket) => {
    changed(next);
    setModal(null);
    void message.success(t('ticketActions.done'));
  };
  // Buttons without a modal report errors themselves; modals keep theirs open on an error.
  const direct = async (run: () => Promise<Ticket>) => {
    setBusy(true);
    try {
      done(await run());
    } catch (err) {
      handleError(err, { onConflict: reload });
    } finally {
      setBusy(false);
    }
  };
  const transition = (to: TransitionTo, extra: { note?: string; resolution?: string } = {}) =>
    ticketsApi.transition(ticket.id, { to, version: ticket.version, ...extra });
  const now = () => new Date().toISOString();

  const button = (key: string, label: string, onClick: () => void, primary = false, danger = false) => (
    <Button
      key={key}
      type={primary ? 'primary' : 'default'}
      danger={danger}
      disabled={busy}
      data-testid={`action-${key}`}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  const buttons = [
    can('ticket.assign') &&
      OPEN.includes(status) &&
      button(
        'assign',
        assigned ? t('ticketActions.transfer') : t('ticketActions.assign'),
        () => setModal('assign'),
        !assigned,
      ),
    handle &&
      CAN_START.includes(status) &&
      button('start', t('ticketActions.start'), () => void direct(() => transition('in_progress')), assigned),
    handle &&
      CAN_PAUSE.includes(status) &&
      button('pause', t('ticketActions.pause'), () => setModal('pause')),
    handle &&
      status === 'waiting_customer' &&
      button(
        'resume',
        t('ticketActions.resume'),
        () => void direct(() => ticketsApi.resume(ticket.id, { at: now() })),
        true,
      ),
    handle &&
      OPEN.includes(status) &&
      button('resolve', t('ticketActions.resolve'), () => setModal('resolve'), status === 'in_progress'),
    handle &&
      status === 'resolved' &&
      button('close', t('ticketActions.close'), () => setModal('close'), true),
    handle &&
      status === 'resolved' &&
      button('reopen', t('ticketActions.reopen'), () => void direct(() => transition('in_progress'))),
    handle &&
      OPEN.includes(status) &&
      button('cancel', t('ticketActions.cancel'), () => setModal('cancel'), false, true),
  ].filter(Boolean);

  // The four one-text-box steps: what the box asks for and what submitting it does.
  const notes: Record<NoteKind, NoteConfig> = {
    resolve: {
      title: t('ticketActions.resolveTitle'),
      label: t('tickets.resolution'),
      required: true,
      run: (resolution) => transition('resolved', { resolution }),
    },
    pause: {
      title: t('ticketActions.pauseTitle'),
      label: t('ticketActions.reason'),
      hint: t('ticketActions.pauseHint'),
      required: true,
      run: (reason) => ticketsApi.pause(ticket.id, { at: now(), reason: reason ?? '' }),
    },
    cancel: {
      title: t('ticketActions.cancelTitle'),
      label: t('ticketActions.reason'),
      required: true,
      run: (note) => transition('cancelled', { note }),
    },
    close: {
      title: t('ticketActions.closeTitle'),
      label: t('ticketActions.note'),
      required: false,
      run: (note) => transition('closed', { note }),
    },
  };
  const note = modal && modal !== 'assign' ? notes[modal] : null;

  return (
    <>
      <Space wrap data-testid="ticket-actions">
        {buttons}
      </Space>
      <AssignModal
        open={modal === 'assign'}
        title={assigned ? t('assign.transferTitle') : t('assign.title')}
        withNote
        onSubmit={async (target, note) =>
          done(await ticketsApi.assign(ticket.id, { ...target, note, version: ticket.version }))
        }
        onCancel={() => setModal(null)}
        onConflict={reload}
      />
      {note && (
        <NoteModal
          title={note.title}
          label={note.label}
          hint={note.hint}
          required={note.required}
          onSubmit={async (text) => done(await note.run(text))}
          onCancel={() => setModal(null)}
          onConflict={reload}
        />
      )}
    </>
  );
}
