import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface RowsColumn {
  field: string;
  label: string;
  span: number;
  input: ReactNode;
  rules?: Rule[];
}

export interface RowsEditorProps {
  /** Form.List name, equal to the API field, so inputs get ids like `plans_0_code`. */
  name: string;
  title: string;
  hint?: string;
  addLabel: string;
  columns: RowsColumn[];
}

/** One Form.List as a small grid: a header row of labels, one input row per entry, add/remove. */
export function RowsEditor({ name, title, hint, addLabel, columns }: RowsEditorProps) {
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
