import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { policiesApi } from '../../api/catalog';
import { type Policy, START_BASES } from '../../api/catalog-types';
import { FormModal } from '../../components/FormModal';
import { POLICIES } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { PolicyListEditors } from './PolicyListEditors';
import {
  changedTerms,
  POLICY_DEFAULTS,
  type PolicyValues,
  policyToBody,
  policyToValues,
} from './policy-values';

export type PolicyModalState = { mode: 'create' } | { mode: 'revise'; policy: Policy } | null;

const tags = <Select mode="tags" open={false} tokenSeparators={['\n', '；', ';']} suffixIcon={null} />;

function TermsFields() {
  const { t } = useTranslation();
  const required = { required: true, message: t('users.required') };
  return (
    <Row gutter={16}>
      <Col span={16}>
        <Form.Item
          name="name"
          label={t('policies.name')}
          rules={[{ ...required, whitespace: true }, { max: 100 }]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="startBasis" label={t('policies.startBasis')} rules={[required]}>
          <Select options={START_BASES.map((b) => ({ value: b, label: t(`policies.startBases.${b}`) }))} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="months" label={t('policies.months')} rules={[required]}>
          <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="hoursLimit" label={t('policies.hoursLimit')} extra={t('policies.hoursLimitHint')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="partMonths" label={t('policies.partMonths')}>
          <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

function TiersFields() {
  const { t } = useTranslation();
  return (
    <>
      <Divider titlePlacement="start" plain style={{ margin: '8px 0 0' }}>
        {t('policies.serviceTiers')}
      </Divider>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('policies.serviceTiersHint')}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['serviceTiers', 'lifetimeFree']} label={t('policies.lifetimeFree')}>
            {tags}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['serviceTiers', 'firstYearFree']} label={t('policies.firstYearFree')}>
            {tags}
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name={['serviceTiers', 'annualFeeRate']} label={t('policies.annualFeeRate')}>
            <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="exclusions" label={t('policies.exclusions')} extra={t('catalog.tagsHint')}>
        {tags}
      </Form.Item>
    </>
  );
}

/** Create a policy, or revise one: a revision is saved as a new version, never over the old terms. */
export function PolicyFormModal({
  state,
  onChange,
}: {
  state: PolicyModalState;
  onChange: (s: PolicyModalState) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const revising = state?.mode === 'revise' ? state.policy : null;

  const submit = async (values: PolicyValues) => {
    if (revising) {
      const changes = changedTerms(revising, values);
      if (Object.keys(changes).length === 0) {
        void message.info(t('policies.noChanges'));
      } else {
        const next = await policiesApi.revise(revising.id, changes);
        void message.success(t('policies.revised', { version: next.version }));
      }
    } else {
      // Sent whole, not through createBody: `hoursLimit: null` (no limit) must reach the server.
      await policiesApi.create(policyToBody(values));
      void message.success(t('policies.created'));
    }
    onChange(null);
    await queryClient.invalidateQueries({ queryKey: [POLICIES] });
  };

  // Someone else revised it first: continue from the version that is now current.
  const reload = async () => {
    if (!revising) return;
    try {
      const versions = (await policiesApi.versions(revising.id)).items;
      const current = versions.find((v) => v.current);
      void queryClient.invalidateQueries({ queryKey: [POLICIES] });
      onChange(current ? { mode: 'revise', policy: current } : null);
    } catch (err) {
      handleError(err);
    }
  };

  return (
    <FormModal<PolicyValues>
      open={state !== null}
      title={revising ? t('policies.reviseTitle', { name: revising.name }) : t('policies.create')}
      width={820}
      initialValues={revising ? policyToValues(revising) : POLICY_DEFAULTS}
      resetKey={revising ? `${revising.id}:${revising.version}` : 'create'}
      onSubmit={submit}
      onCancel={() => onChange(null)}
      onConflict={() => void reload()}
    >
      {revising && (
        <Alert
          type="info"
          showIcon
          title={`${t('policies.reviseHint')} (v${revising.version} → v${revising.version + 1})`}
          style={{ marginBottom: 16 }}
        />
      )}
      <TermsFields />
      <PolicyListEditors />
      <TiersFields />
    </FormModal>
  );
}
