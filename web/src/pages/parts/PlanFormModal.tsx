import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { partsApi, stockingPlansApi } from '../../api/parts';
import type { StockingPlan } from '../../api/parts-types';
import { DateInput } from '../../components/DateInput';
import { FormModal } from '../../components/FormModal';
import { RowsEditor } from '../../components/RowsEditor';
import { createBody, patchBody } from '../../lib/forms';
import { fetchAll, useDealerOptions } from '../../lib/lookups';
import { PARTS, partLabel, STOCKING_PLANS } from '../../lib/parts-lookups';
import { useMe } from '../../lib/session';
import { dateFieldProps } from '../../lib/time';

type Line = { partId?: string; quantity?: number; note?: string | null };
type Values = { dealerId?: string; season: string; seasonStart: string; note?: string | null; lines: Line[] };

const toValues = (p: StockingPlan): Values => ({
  season: p.season,
  seasonStart: p.seasonStart,
  note: p.note,
  lines: p.lines.map((l) => ({ partId: l.partId, quantity: l.quantity, note: l.note })),
});

const linesBody = (lines: Line[]) =>
  (lines ?? [])
    .filter((l) => l.partId)
    .map((l) => ({ partId: l.partId!, quantity: l.quantity ?? 1, note: l.note?.trim() || null }));

export interface PlanModalState {
  plan: StockingPlan | null;
}

/** Create or edit a draft stocking plan: season, its start, and the parts with quantities. */
export function PlanFormModal({ state, onClose }: { state: PlanModalState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe();
  const open = state !== null;
  const plan = state?.plan ?? null;
  // Company staff file on a dealer's behalf; a dealer user's plans are always its own dealer's.
  const pickDealer = me.role.scope === 'all' && !plan;
  const dealers = useDealerOptions(open && pickDealer);
  const parts = useQuery({
    queryKey: [PARTS, 'all-active'],
    queryFn: () => fetchAll((p) => partsApi.list({ ...p, active: true })),
    enabled: open,
    staleTime: 60_000,
  });
  const partOptions = (parts.data ?? []).map((p) => ({ value: p.id, label: partLabel(p) }));
  for (const l of plan?.lines ?? [])
    if (!partOptions.some((o) => o.value === l.partId))
      partOptions.push({ value: l.partId, label: `${l.partCode ?? ''} ${l.partName ?? ''}`.trim() });
  const required = { required: true, message: t('users.required') };

  const submit = async (v: Values) => {
    const body = { ...v, lines: linesBody(v.lines) };
    if (plan) {
      const patch = patchBody(
        { ...toValues(plan), lines: linesBody(toValues(plan).lines) } as Record<string, unknown>,
        body as Record<string, unknown>,
      );
      if (Object.keys(patch).length > 0)
        await stockingPlansApi.update(plan.id, { ...patch, version: plan.version });
    } else {
      await stockingPlansApi.create(createBody(body));
    }
    void message.success(t(plan ? 'common.saved' : 'common.created'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [STOCKING_PLANS] });
  };

  return (
    <FormModal<Values>
      open={open}
      width={760}
      title={plan ? t('stockingPlans.editTitle') : t('stockingPlans.create')}
      resetKey={plan ? `${plan.id}:${plan.version}` : 'create'}
      initialValues={plan ? toValues(plan) : { lines: [{}] }}
      onSubmit={submit}
      onCancel={onClose}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('stockingPlans.dueHint')} />
      <Row gutter={16}>
        {pickDealer && (
          <Col span={24}>
            <Form.Item name="dealerId" label={t('stockingPlans.dealer')} rules={[required]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={dealers.options} />
            </Form.Item>
          </Col>
        )}
        <Col span={14}>
          <Form.Item
            name="season"
            label={t('stockingPlans.season')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input placeholder={t('stockingPlans.seasonPlaceholder')} maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="seasonStart"
            label={t('stockingPlans.seasonStart')}
            rules={[required]}
            {...dateFieldProps}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <RowsEditor
        name="lines"
        title={t('stockingPlans.lines')}
        addLabel={t('stockingPlans.addLine')}
        columns={[
          {
            field: 'partId',
            label: t('stockingPlans.part'),
            span: 12,
            rules: [required],
            input: (
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={partOptions}
                loading={parts.isLoading}
              />
            ),
          },
          {
            field: 'quantity',
            label: t('stockingPlans.quantity'),
            span: 4,
            rules: [required],
            input: <InputNumber min={1} precision={0} style={{ width: '100%' }} />,
          },
          { field: 'note', label: t('stockingPlans.note'), span: 6, input: <Input maxLength={200} /> },
        ]}
      />
      <Form.Item name="note" label={t('stockingPlans.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
