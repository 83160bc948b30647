import { Form, Input, Radio, Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssignTarget } from '../../api/ticket-types';
import { FormModal } from '../../components/FormModal';
import { useDealerOptions, useDepartmentOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { useAssigneeOptions } from '../../lib/ticket-lookups';

type Kind = 'user' | 'department' | 'dealer';
interface Values {
  kind: Kind;
  target: string;
  note?: string;
}

export interface AssignModalProps {
  open: boolean;
  title: string;
  /** Bulk assignment has no per-ticket note. */
  withNote?: boolean;
  onSubmit: (target: AssignTarget, note?: string) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELD: Record<Kind, keyof AssignTarget> = {
  user: 'userId',
  department: 'departmentId',
  dealer: 'dealerId',
};

/** The target list follows the chosen kind; a pick from another list would mean nothing. */
function AssignFields({ kinds, withNote, open }: { kinds: Kind[]; withNote: boolean; open: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const form = Form.useFormInstance<Values>();
  const kind = (Form.useWatch('kind', form) ?? kinds[0]) as Kind;
  const users = useAssigneeOptions(open && kinds.includes('user'));
  const departments = useDepartmentOptions(open && can('org.read'));
  const dealers = useDealerOptions(open && can('org.read'));
  // Grouped by role for people, flat for departments and dealers.
  const options: SelectProps['options'] =
    kind === 'user' ? users : kind === 'department' ? departments.options : dealers.options;
  const placeholder = {
    user: 'assign.pickUser',
    department: 'assign.pickDepartment',
    dealer: 'assign.pickDealer',
  };

  return (
    <>
      <Form.Item name="kind" label={t('assign.to')}>
        <Radio.Group
          optionType="button"
          options={kinds.map((k) => ({ value: k, label: t(`assign.${k}`) }))}
          onChange={() => form.setFieldValue('target', undefined)}
          data-testid="assign-kind"
        />
      </Form.Item>
      <Form.Item name="target" rules={[{ required: true, message: t('users.required') }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t(placeholder[kind])}
          options={options}
          data-testid="assign-target"
          allowClear
        />
      </Form.Item>
      {withNote && (
        <Form.Item name="note" label={t('assign.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}
    </>
  );
}

/** 分派/转派: to a person (usually an engineer), a department or a dealer — exactly one of them. */
export function AssignModal({
  open,
  title,
  withNote = false,
  onSubmit,
  onCancel,
  onConflict,
}: AssignModalProps) {
  const can = useCan();
  // Without user.read (dealers) people cannot be listed; departments and dealers need org.read.
  const kinds: Kind[] = can('user.read') ? ['user', 'department', 'dealer'] : ['department', 'dealer'];

  return (
    <FormModal<Values>
      open={open}
      title={title}
      initialValues={{ kind: kinds[0] }}
      onSubmit={(v) => onSubmit({ [FIELD[v.kind]]: v.target }, v.note?.trim() || undefined)}
      onCancel={onCancel}
      onConflict={onConflict}
    >
      <AssignFields kinds={kinds} withNote={withNote} open={open} />
    </FormModal>
  );
}
