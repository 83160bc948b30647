import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Column {
  field: string;
  label: string;
  span: number;
  input: ReactNode;
  rules?: Rule[];
}

interface RowsEditorProps {
  /** Form.List name, equal to the API field, so inputs get ids like `plans_0_code`. */
  name: string;
  title: string;
  hint?: string;
  addLabel: string;
  columns: Column[];
}

/** One Form.List as a small grid: a header row of labels, one input row per entry, add/remove. */
function RowsEditor({ name, title, hint, addLabel, columns }: RowsEditorProps) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 16 }} data-testid={`editor-${name}`}>
      <Typography.Text strong style={{ display: 'block' }}>
        {title}
      </Typography.Text>
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
          {hint}
        </Typography.Paragraph>
      )}
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.length > 0 && (
              <Row gutter={8} style={{ margin: '4px 0' }}>
                {columns.map((c) => (
                  <Col key={c.field} span={c.span}>
                    <Typography.Text type="secondary">{c.label}</Typography.Text>
                  </Col>
                ))}
              </Row>
            )}
            {fields.map(({ key, name: index }) => (
              <Row key={key} gutter={8} align="top">
                {columns.map((c) => (
                  <Col key={c.field} span={c.span}>
                    <Form.Item name={[index, c.field]} rules={c.rules} style={{ marginBottom: 8 }}>
                      {c.input}
                    </Form.Item>
                  </Col>
                ))}
                <Col span={2}>
                  <Button
                    type="text"
                    aria-label={t('common.cancel')}
                    icon={<MinusCircleOutlined aria-hidden />}
                    onClick={() => remove(index)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined aria-hidden />}
              data-testid={`add-${name}`}
              onClick={() => add()}
            >
              {addLabel}
            </Button>
          </>
        )}
      </Form.List>
    </div>
  );
}

const num = (props: { min?: number; max?: number; precision?: number; step?: number } = {}) => (
  <InputNumber min={0} precision={0} {...props} style={{ width: '100%' }} />
);

export function PolicyListEditors() {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  return (
    <>
      <RowsEditor
        name="plans"
        title={t('policies.plans')}
        addLabel={t('policies.addPlan')}
        columns={[
          {
            field: 'code',
            label: t('policies.planCode'),
            span: 8,
            input: <Input />,
            rules: [required, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('policies.codeRule') }],
          },
          {
            field: 'months',
            label: t('policies.months'),
            span: 7,
            input: num({ max: 600 }),
            rules: [required],
          },
          {
            field: 'hoursLimit',
            label: `${t('policies.hoursLimit')}（${t('policies.hoursLimitHint')}）`,
            span: 7,
            input: num({ max: 1_000_000 }),
          },
        ]}
      />
      <RowsEditor
        name="weightHourLimits"
        title={t('policies.weightHourLimits')}
        addLabel={t('policies.addWeightLimit')}
        columns={[
          {
            field: 'maxWeightT',
            label: t('policies.maxWeightT'),
            span: 11,
            input: num({ min: 0.01, max: 10_000, precision: 2, step: 0.5 }),
            rules: [required],
          },
          {
            field: 'hoursLimit',
            label: t('policies.hoursLimit'),
            span: 11,
            input: num({ max: 1_000_000 }),
            rules: [required],
          },
        ]}
      />
      <RowsEditor
        name="attachmentHourReductions"
        title={t('policies.attachmentHourReductions')}
        addLabel={t('policies.addAttachment')}
        columns={[
          {
            field: 'key',
            label: t('policies.attachment'),
            span: 11,
            input: <Input placeholder="hydraulic_breaker" />,
            rules: [required, { pattern: /^[a-z0-9_]{1,40}$/, message: t('policies.keyRule') }],
          },
          {
            field: 'hours',
            label: t('policies.reduceHours'),
            span: 11,
            input: num({ max: 1_000_000 }),
            rules: [required],
          },
        ]}
      />
      <RowsEditor
        name="clauses"
        title={t('policies.clauses')}
        hint={t('policies.clausesHint')}
        addLabel={t('policies.addClause')}
        columns={[
          {
            field: 'code',
            label: t('policies.clauseCode'),
            span: 11,
            input: <Input placeholder="wear_part" />,
            rules: [required, { pattern: /^[a-z0-9_]{1,60}$/, message: t('policies.keyRule') }],
          },
          {
            field: 'ref',
            label: t('policies.clauseRef'),
            span: 11,
            input: <Input placeholder="4.2.2" maxLength={60} />,
            rules: [{ ...required, whitespace: true }],
          },
        ]}
      />
    </>
  );
}
