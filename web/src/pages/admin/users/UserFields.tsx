import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { newPasswordRules } from '../../../lib/forms';
import type { Option } from '../../../lib/lookups';

export type UserValues = {
  username?: string;
  displayName: string;
  password?: string;
  roleCode: string;
  departmentId?: string;
  serviceCentreId?: string;
  dealerId?: string;
  email?: string;
  phone?: string;
  active?: boolean;
};

export interface UserFieldOptions {
  roles: Option[];
  departments: Option[];
  serviceCentres: Option[];
  dealers: Option[];
  /** Without org.read the organisation pickers could not be filled, so they are left out. */
  showOrg: boolean;
}

const search = { optionFilterProp: 'label' } as const;

export function UserFields({ mode, options }: { mode: 'create' | 'edit'; options: UserFieldOptions }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  return (
    <Row gutter={16}>
      {mode === 'create' && (
        <>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('users.username')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="password" label={t('users.password')} rules={newPasswordRules(t)}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </Col>
        </>
      )}
      <Col span={12}>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="roleCode" label={t('users.role')} rules={[required]}>
          <Select options={options.roles} showSearch={search} />
        </Form.Item>
      </Col>
      {options.showOrg && (
        <>
          <Col span={12}>
            <Form.Item name="departmentId" label={t('users.department')}>
              <Select options={options.departments} allowClear showSearch={search} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="serviceCentreId" label={t('users.serviceCentre')}>
              <Select options={options.serviceCentres} allowClear showSearch={search} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="dealerId" label={t('users.dealer')}>
              <Select options={options.dealers} allowClear showSearch={search} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col span={12}>
        <Form.Item name="phone" label={t('common.phone')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="email" label={t('common.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
      </Col>
      {mode === 'edit' && (
        <Col span={12}>
          <Form.Item name="active" label={t('common.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
