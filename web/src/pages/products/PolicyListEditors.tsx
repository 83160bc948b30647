import { Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { RowsEditor } from '../../components/RowsEditor';

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
