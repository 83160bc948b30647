import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ArchiveRequest, archiveApi, type DecisionValue } from '../../api/archive';
import { FormModal } from '../../components/FormModal';
import { useApiErrorHandler } from '../../lib/errors';
import { ARCHIVE_REQUESTS, CUSTOMER_ARCHIVE } from './common';

export interface Deciding {
  request: ArchiveRequest;
  decision: DecisionValue;
  customerName: string;
}

interface Props {
  deciding: Deciding | null;
  /** A fresh copy after a version conflict (the other head signed meanwhile), or null to close. */
  onChange: (next: Deciding | null) => void;
}

/** 同意 / 驳回 with an optional note; one signature may cover both roles when one person holds both. */
export function DecideModal({ deciding, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();

  const submit = async ({ note }: { note?: string }) => {
    if (!deciding) return;
    const { request, decision } = deciding;
    await archiveApi.decide(request.id, { version: request.version, decision, note: note?.trim() || null });
    void message.success(t('archiveRequests.decided'));
    onChange(null);
    // An approval may open the archive to the applicant at once.
    await queryClient.invalidateQueries({ queryKey: [ARCHIVE_REQUESTS] });
    await queryClient.invalidateQueries({ queryKey: [CUSTOMER_ARCHIVE, request.customerId] });
  };

  const reload = async () => {
    if (!deciding) return;
    try {
      const { items } = await archiveApi.requests({});
      void queryClient.invalidateQueries({ queryKey: [ARCHIVE_REQUESTS] });
      const fresh = items.find((r) => r.id === deciding.request.id);
      onChange(fresh?.status === 'pending' ? { ...deciding, request: fresh } : null);
    } catch (err) {
      handleError(err);
    }
  };

  const approve = deciding?.decision === 'approve';
  return (
    <FormModal<{ note?: string }>
      open={deciding !== null}
      title={
        deciding
          ? t(approve ? 'archiveRequests.approveTitle' : 'archiveRequests.rejectTitle', {
              name: deciding.customerName,
            })
          : ''
      }
      resetKey={deciding ? `${deciding.request.id}:${deciding.request.version}` : 'none'}
      onSubmit={submit}
      onCancel={() => onChange(null)}
      onConflict={() => void reload()}
    >
      {deciding && (
        <Alert
          type={approve ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={deciding.request.reason}
        />
      )}
      <Form.Item name="note" label={t('archiveRequests.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
