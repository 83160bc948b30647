import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RoleCreate, type RolePatch, rolesApi } from '../../../api/endpoints';
import type { Permission, Role, RoleScope } from '../../../api/types';
import { FormModal } from '../../../components/FormModal';
import { localName } from '../../../i18n';
import { createBody, patchBody } from '../../../lib/forms';
import { PermissionPicker } from './PermissionPicker';

type Values = {
  code: string;
  name: string;
  nameEn?: string;
  description?: string;
  scope: RoleScope;
  permissions: string[];
};

const toValues = (r: Role): Values => ({
  code: r.code,
  name: r.name,
  nameEn: r.nameEn ?? undefined,
  description: r.description ?? undefined,
  scope: r.scope,
  permissions: r.permissions,
});

export type RoleModalState = { mode: 'create' } | { mode: 'edit'; role: Role } | null;

interface Props {
  state: RoleModalState;
  catalogue: Permission[];
  onChange: (state: RoleModalState) => void;
}

export function RoleFormModal({ state, catalogue, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = state?.mode === 'edit' ? state.role : null;
  const required = { required: true, whitespace: true, message: t('users.required') };

  const submit = async (values: Values) => {
    if (editing) {
      // Scope and code are fixed after creation (the API does not accept them on PATCH).
      const { code: _c, scope: _s, ...patch } = patchBody(toValues(editing), values);
      if (Object.keys(patch).length > 0) {
        await rolesApi.update(editing.code, { ...patch, version: editing.version } as RolePatch);
      }
      void message.success(t('common.saved'));
    } else {
      await rolesApi.create({ ...createBody(values), permissions: values.permissions ?? [] } as RoleCreate);
      void message.success(t('common.created'));
    }
    onChange(null);
    await queryClient.invalidateQueries({ queryKey: ['roles'] });
  };

  const reload = async () => {
    if (!editing) return;
    const roles = await queryClient.fetchQuery({
      queryKey: ['roles'],
      queryFn: async () => (await rolesApi.list()).items,
      staleTime: 0,
    });
    const fresh = roles.find((r) => r.code === editing.code);
    onChange(fresh ? { mode: 'edit', role: fresh } : null);
  };

  return (
    <FormModal<Values>
      open={state !== null}
      title={editing ? t('roles.editTitle', { name: localName(editing) }) : t('roles.create')}
      width={760}
      initialValues={editing ? toValues(editing) : { scope: 'all', permissions: [] }}
      resetKey={editing ? `${editing.code}:${editing.version}` : 'create'}
      onSubmit={submit}
      onCancel={() => onChange(null)}
      onConflict={() => void reload()}
    >
      <Form.Item
        name="code"
        label={t('roles.code')}
        extra={editing ? undefined : t('roles.codeHint')}
        rules={[required, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('roles.codeHint') }]}
      >
        <Input disabled={!!editing} />
      </Form.Item>
      <Form.Item name="name" label={t('roles.name')} rules={[required]}>
        <Input />
      </Form.Item>
      <Form.Item name="nameEn" label={t('roles.nameEn')}>
        <Input />
      </Form.Item>
      <Form.Item name="description" label={t('roles.description')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="scope" label={t('roles.scope')} rules={[{ required: true }]}>
        <Select
          disabled={!!editing}
          options={(['all', 'dealer', 'customer'] as const).map((s) => ({
            value: s,
            label: t(`scope.${s}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.permissions')}>
        <PermissionPicker catalogue={catalogue} />
      </Form.Item>
    </FormModal>
  );
}
