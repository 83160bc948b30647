import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../../api/catalog';
import type { Customer } from '../../api/catalog-types';
import { FormModal } from '../../components/FormModal';
import { CUSTOMERS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';

interface Props {
  customer: Customer | null;
  /** Called with the fresh record after a version conflict, or null when the modal closes. */
  onChange: (customer: Customer | null) => void;
}

/** Archiving (归档) is the only way a customer leaves everyday use: records are never deleted. */
export function ArchiveModal({ customer, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();

  const submit = async ({ reason }: { reason: string }) => {
    if (!customer) return;
    await customersApi.archive(customer.id, customer.version, reason.trim());
    void message.success(t('customers.archivedDone'));
    onChange(null);
    await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
  };

  const reload = async () => {
    if (!customer) return;
    try {
      const fresh = await customersApi.get(customer.id);
      void queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      onChange(fresh.status === 'archived' ? null : fresh);
    } catch (err) {
      handleError(err);
    }
  };

  return (
    <FormModal<{ reason: string }>
      open={customer !== null}
      title={customer ? t('customers.archiveTitle', { name: customer.name }) : ''}
      resetKey={customer ? `${customer.id}:${customer.version}` : 'none'}
      onSubmit={submit}
      onCancel={() => onChange(null)}
      onConflict={() => void reload()}
    >
      <Alert type="info" showIcon title={t('customers.archiveHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="reason"
        label={t('customers.archiveReason')}
        rules={[{ required: true, whitespace: true, message: t('users.required') }, { max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
