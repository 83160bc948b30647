import { WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/session';
import { type ComplaintPreset, RegisterComplaintModal } from './RegisterComplaintModal';

/** "投诉" on a service request or customer page: the complaint form with the customer (and service) filled in. */
export function ComplaintButton({ preset }: { preset: ComplaintPreset }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('complaint.create')) return null;
  return (
    <>
      <Button
        size="small"
        icon={<WarningOutlined aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="complaint-from-page"
      >
        {t('complaint.register')}
      </Button>
      <RegisterComplaintModal open={open} onClose={() => setOpen(false)} preset={preset} />
    </>
  );
}
