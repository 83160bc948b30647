import { Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  SUGGESTION_STATUSES,
  type Suggestion,
  type SuggestionStatus,
  type SuggestionTarget,
} from '../../api/complaint-types';
import { complaintsApi, suggestionsApi } from '../../api/complaints';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { useActionOwnerOptions, useComplaintChanged } from '../../lib/complaint-lookups';
import { oneOf } from '../../lib/one-of';
import { useCan } from '../../lib/session';
import { shanghaiInstant, shanghaiPickerValue, TIME_FORMAT } from '../../lib/time';
import { suggestionStatusOptions, targetOptions } from './common';

interface CreateValues {
  title: string;
  description?: string;
  target: SuggestionTarget;
  ownerUserId?: string;
  dueAt?: Dayjs | null;
}

function OwnerAndDue() {
  const { t } = useTranslation();
  const can = useCan();
  const owners = useActionOwnerOptions(can('complaint.handle'));
  return (
    <>
      <Form.Item name="ownerUserId" label={t('suggestion.owner')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={owners}
          data-testid="suggestion-owner"
        />
      </Form.Item>
      <Form.Item name="dueAt" label={t('suggestion.dueAt')}>
        <DateInput showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} />
      </Form.Item>
    </>
  );
}

/** 提出改进建议: from a complaint (its analysis) or on its own (a fault analysis). */
export function CreateSuggestionModal({
  open,
  onClose,
  complaintId,
}: {
  open: boolean;
  onClose: () => void;
  complaintId?: string;
}) {
  const { t } = useTranslation();
  const changed = useComplaintChanged();
  const required = { required: true, whitespace: true, message: t('users.required') };
  return (
    <FormModal<CreateValues>
      open={open}
      title={complaintId ? t('suggestion.add') : t('suggestion.create')}
      initialValues={{ target: 'rd' }}
      onSubmit={async ({ dueAt, ...v }) => {
        const body = {
          ...v,
          title: v.title.trim(),
          description: v.description?.trim() || undefined,
          dueAt: dueAt ? shanghaiInstant(dueAt) : undefined,
        };
        if (complaintId) await complaintsApi.addSuggestion(complaintId, body);
        else await suggestionsApi.create(body);
        changed(complaintId ?? '');
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item name="title" label={t('suggestion.name')} rules={[required]}>
        <Input maxLength={200} data-testid="suggestion-title" />
      </Form.Item>
      <Form.Item name="description" label={t('suggestion.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="target" label={t('suggestion.target')} rules={[{ required: true }]}>
        <Select options={targetOptions(t)} data-testid="suggestion-target" />
      </Form.Item>
      <OwnerAndDue />
    </FormModal>
  );
}

interface EditValues {
  /** Empty only when the answer held a status the list lacks; the form requires one. */
  status?: SuggestionStatus;
  resolution?: string;
  ownerUserId?: string | null;
  dueAt?: Dayjs | null;
}

/** 跟踪: progress, owner and deadline; done or rejected needs the outcome. */
export function EditSuggestionModal({
  suggestion: s,
  onClose,
}: {
  suggestion: Suggestion | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const changed = useComplaintChanged();
  return (
    <FormModal<EditValues>
      open={!!s}
      title={`${t('suggestion.edit')}：${s?.title ?? ''}`}
      resetKey={s ? `${s.id}:${s.version}` : undefined}
      initialValues={
        s
          ? {
              status: oneOf(SUGGESTION_STATUSES, s.status),
              resolution: s.resolution ?? undefined,
              ownerUserId: s.ownerUserId,
              dueAt: s.dueAt ? shanghaiPickerValue(s.dueAt) : null,
            }
          : undefined
      }
      onSubmit={async ({ dueAt, ...v }) => {
        if (!s) return;
        await suggestionsApi.update(s.id, {
          version: s.version,
          status: v.status,
          resolution: v.resolution?.trim() || null,
          ownerUserId: v.ownerUserId ?? null,
          dueAt: dueAt ? shanghaiInstant(dueAt) : null,
        });
        changed(s.complaintId ?? '');
        onClose();
      }}
      onCancel={onClose}
      onConflict={() => changed(s?.complaintId ?? '')}
    >
      <Form.Item name="status" label={t('suggestion.status')}>
        <Select options={suggestionStatusOptions(t)} data-testid="suggestion-status" />
      </Form.Item>
      <Form.Item name="resolution" label={t('suggestion.resolution')}>
        <Input.TextArea rows={3} maxLength={5000} data-testid="suggestion-resolution" />
      </Form.Item>
      <OwnerAndDue />
    </FormModal>
  );
}
