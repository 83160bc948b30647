import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../api/followup';
import type { VisitSummary } from '../../api/followup-types';
import { FormModal } from '../../components/FormModal';
import { VISITS } from '../../lib/followup-lookups';

export type NoteAction = 'unreachable' | 'followUpDone';

/** 未联系上 (an attempt, the visit stays in the queue) or 跟进完成 (the unhappy customer's follow-up), with a note. */
export function VisitNoteModal({
  state,
  onClose,
}: {
  state: { visit: VisitSummary; action: NoteAction } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const action = state?.action ?? 'unreachable';

  const submit = async ({ note }: { note: string }) => {
    if (!state) return;
    const v = state.visit;
    if (action === 'unreachable') await visitsApi.unreachable(v.id, v.version, note.trim());
    else await visitsApi.followUpDone(v.id, v.version, note.trim());
    void message.success(t('visits.saved'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [VISITS] });
  };

  return (
    <FormModal<{ note: string }>
      open={state !== null}
      title={`${t(`visits.noteTitles.${action}`)}${state ? `：${state.visit.customerName}` : ''}`}
      resetKey={state ? `${state.visit.id}:${state.visit.version}:${action}` : 'none'}
      onSubmit={submit}
      onCancel={onClose}
      onConflict={() => {
        onClose();
        void queryClient.invalidateQueries({ queryKey: [VISITS] });
      }}
    >
      <Form.Item
        name="note"
        label={t('visits.note')}
        rules={[{ required: true, whitespace: true, message: t('users.required') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} placeholder={t(`visits.notePlaceholders.${action}`)} />
      </Form.Item>
    </FormModal>
  );
}
