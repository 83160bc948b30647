import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Divider, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  BUSINESS_STATUSES,
  type BusinessStatus,
  CUSTOMER_KINDS,
  type Customer,
  type CustomerKind,
  GRADES,
  type Grade,
} from '../../api/catalog-types';
import { createBody } from '../../lib/forms';
import type { Option } from '../../lib/lookups';
import { oneOf } from '../../lib/one-of';
import { businessOptions, gradeOptions, kindOptions } from './common';

type ContactValues = {
  name?: string;
  title?: string;
  phone?: string;
  email?: string;
  primary?: boolean;
};

export type CustomerValues = {
  code?: string;
  name: string;
  // Optional: a value the select does not know leaves the field empty for the user to choose.
  kind?: CustomerKind;
  grade?: Grade;
  businessStatus?: BusinessStatus;
  dealerId?: string;
  region?: string;
  address?: string;
  phone?: string;
  industry?: string;
  ownerUserId?: string;
  notes?: string;
  contacts?: ContactValues[];
};

// Contact ids stay out: the API replaces the whole list and does not accept them back.
export const customerToValues = (c: Customer): CustomerValues => ({
  code: c.code,
  name: c.name,
  kind: oneOf(CUSTOMER_KINDS, c.kind),
  grade: oneOf(GRADES, c.grade),
  businessStatus: oneOf(BUSINESS_STATUSES, c.businessStatus),
  dealerId: c.dealerId ?? undefined,
  region: c.region ?? undefined,
  address: c.address ?? undefined,
  phone: c.phone ?? undefined,
  industry: c.industry ?? undefined,
  ownerUserId: c.ownerUserId ?? undefined,
  notes: c.notes ?? undefined,
  contacts: c.contacts.map((p) => ({
    name: p.name,
    title: p.title ?? undefined,
    phone: p.phone ?? undefined,
    email: p.email ?? undefined,
    primary: p.primary,
  })),
});

/** Contact rows lose their empty fields (an empty email would fail validation) and blank rows. */
export const customerToBody = (v: CustomerValues): CustomerValues => ({
  ...v,
  contacts: (v.contacts ?? [])
    .map((c) => ({ ...createBody(c), primary: c.primary === true }))
    .filter((c) => typeof c.name === 'string' && c.name !== ''),
});

export const CUSTOMER_DEFAULTS: Partial<CustomerValues> = {
  kind: 'new',
  grade: 'C',
  businessStatus: 'operating',
  contacts: [],
};

export interface CustomerFieldOptions {
  /** Empty when the user may not read dealers/users: the pickers are then left out. */
  dealers?: Option[];
  users?: Option[];
}

const search = { optionFilterProp: 'label' } as const;

/** Only one primary contact: ticking one clears the others, as the server would anyway. */
function PrimaryBox({
  index,
  ...rest
}: {
  index: number;
  checked?: boolean;
  onChange?: (e: unknown) => void;
}) {
  const form = Form.useFormInstance();
  const { t } = useTranslation();
  return (
    <Checkbox
      {...rest}
      onChange={(e) => {
        rest.onChange?.(e);
        if (!e.target.checked) return;
        const list = (form.getFieldValue('contacts') ?? []) as ContactValues[];
        form.setFieldValue(
          'contacts',
          list.map((c, i) => ({ ...c, primary: i === index })),
        );
      }}
    >
      {t('customers.primary')}
    </Checkbox>
  );
}

function ContactsList() {
  const { t } = useTranslation();
  return (
    <Form.List name="contacts">
      {(fields, { add, remove }) => (
        <>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top" data-testid="contact-row">
              <Col span={5}>
                <Form.Item
                  name={[name, 'name']}
                  rules={[{ required: true, whitespace: true, message: t('users.required') }]}
                >
                  <Input placeholder={t('customers.contactName')} aria-label={t('customers.contactName')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[name, 'title']}>
                  <Input placeholder={t('customers.contactTitle')} aria-label={t('customers.contactTitle')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[name, 'phone']}>
                  <Input placeholder={t('customers.contactPhone')} aria-label={t('customers.contactPhone')} />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[name, 'email']} rules={[{ type: 'email' }]}>
                  <Input placeholder={t('customers.contactEmail')} aria-label={t('customers.contactEmail')} />
                </Form.Item>
              </Col>
              <Col span={4}>
                <Form.Item name={[name, 'primary']} valuePropName="checked">
                  <PrimaryBox index={name} />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button
                  type="text"
                  aria-label={t('common.cancel')}
                  icon={<MinusCircleOutlined aria-hidden />}
                  onClick={() => remove(name)}
                />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            block
            icon={<PlusOutlined aria-hidden />}
            data-testid="add-contact"
            onClick={() => add({ primary: fields.length === 0 })}
          >
            {t('customers.addContact')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function CustomerFields({
  mode,
  options,
}: {
  mode: 'create' | 'edit';
  options: CustomerFieldOptions;
}) {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          {/* Codes are what imports and other systems key on, so they are fixed once created. */}
          <Form.Item
            name="code"
            label={t('customers.code')}
            extra={mode === 'create' ? t('customers.codeHint') : undefined}
          >
            <Input disabled={mode === 'edit'} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label={t('customers.name')} rules={[{ ...required, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('customers.kind')} rules={[required]}>
            <Select options={kindOptions(t)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="grade" label={t('customers.grade')} rules={[required]}>
            <Select options={gradeOptions(t)} popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col span={8}>
          {/* Drives the half-yearly review: bankrupt or closed customers get archived there. */}
          <Form.Item
            name="businessStatus"
            label={t('business.label')}
            tooltip={t('business.hint')}
            rules={[required]}
          >
            <Select options={businessOptions(t)} />
          </Form.Item>
        </Col>
        {options.dealers && (
          <Col span={12}>
            <Form.Item name="dealerId" label={t('customers.dealer')}>
              <Select options={options.dealers} allowClear showSearch={search} />
            </Form.Item>
          </Col>
        )}
        {options.users && (
          <Col span={12}>
            <Form.Item name="ownerUserId" label={t('customers.owner')}>
              <Select options={options.users} allowClear showSearch={search} />
            </Form.Item>
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="region" label={t('customers.region')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('customers.phone')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="industry" label={t('customers.industry')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="address" label={t('customers.address')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain>
        {t('customers.contacts')}
      </Divider>
      <ContactsList />
    </>
  );
}
