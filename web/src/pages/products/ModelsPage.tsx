import { Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modelsApi } from '../../api/catalog';
import type { ProductModel } from '../../api/catalog-types';
import { ActiveTag, CrudPage } from '../../components/CrudPage';
import { ExcelActions } from '../../components/excel/ExcelActions';
import { MODELS, policyLabel, useCurrentPolicies, useModels, usePolicy } from '../../lib/catalog-lookups';
import { formatFen, formatHours } from '../../lib/format';
import { useCan } from '../../lib/session';
import { formatTime } from '../../lib/time';
import { MODEL_DEFAULTS, ModelFields, type ModelValues, modelToValues } from './ModelFields';

/** Superseded policy versions are not in the current list; those few are fetched one by one. */
function PolicyName({ id, current }: { id: string; current: Map<string, string> }) {
  const known = current.get(id);
  const fetched = usePolicy(known ? null : id).data;
  return <>{known ?? (fetched ? policyLabel(fetched) : '')}</>;
}

function PartTags({ parts }: { parts: string[] }) {
  const shown = parts.slice(0, 3);
  return (
    <>
      {shown.map((p) => (
        <Tag key={p}>{p}</Tag>
      ))}
      {parts.length > shown.length && (
        <Typography.Text type="secondary">+{parts.length - shown.length}</Typography.Text>
      )}
    </>
  );
}

export default function ModelsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [category, setCategory] = useState<string>();
  const policies = useCurrentPolicies().data ?? [];
  const current = new Map(policies.map((p) => [p.id, policyLabel(p)]));
  // Categories are free text; offering the ones in use keeps spellings consistent.
  const categories = [...new Set((useModels().data ?? []).map((m) => m.category))].sort();

  const columns: ColumnsType<ProductModel> = [
    { title: t('models.code'), dataIndex: 'code', key: 'code' },
    { title: t('models.name'), dataIndex: 'name', key: 'name' },
    { title: t('models.category'), dataIndex: 'category', key: 'category' },
    {
      title: t('models.operatingWeightT'),
      dataIndex: 'operatingWeightT',
      key: 'operatingWeightT',
      align: 'right',
    },
    {
      title: t('models.listPriceFen'),
      dataIndex: 'listPriceFen',
      key: 'listPriceFen',
      align: 'right',
      render: (v: number | null) => formatFen(v),
    },
    {
      title: t('models.warrantyPolicy'),
      dataIndex: 'warrantyPolicyId',
      key: 'policy',
      render: (id: string) => <PolicyName id={id} current={current} />,
    },
    {
      title: t('models.hoursLimitOverride'),
      dataIndex: 'hoursLimitOverride',
      key: 'hoursLimitOverride',
      render: (v: number | null) => formatHours(v),
    },
    {
      title: t('models.wearParts'),
      dataIndex: 'wearParts',
      key: 'wearParts',
      render: (v: string[]) => <PartTags parts={v} />,
    },
    {
      title: t('models.consumables'),
      dataIndex: 'consumables',
      key: 'consumables',
      render: (v: string[]) => <PartTags parts={v} />,
    },
    {
      title: t('common.status'),
      dataIndex: 'active',
      key: 'active',
      render: (v: boolean) => <ActiveTag active={v} />,
    },
    {
      title: t('common.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      render: (v: string) => formatTime(v),
    },
  ];

  return (
    <CrudPage<ProductModel, ModelValues>
      resource={MODELS}
      title={t('models.title')}
      createLabel={t('models.create')}
      createTestId="create-model"
      search={{ placeholder: t('models.searchPlaceholder') }}
      toolbar={<ExcelActions kind="models" resource={MODELS} />}
      list={(p) => modelsApi.list(p)}
      extraParams={{ category }}
      filters={
        <Select
          allowClear
          aria-label={t('models.categoryFilter')}
          placeholder={t('models.categoryFilter')}
          options={categories.map((c) => ({ value: c, label: c }))}
          value={category}
          onChange={setCategory}
          style={{ width: 160 }}
        />
      }
      columns={columns}
      canWrite={can('product.write')}
      form={{
        createTitle: t('models.create'),
        editTitle: t('models.editTitle'),
        modalWidth: 760,
        fields: (mode, record) => <ModelFields mode={mode} record={record} categories={categories} />,
        toValues: modelToValues,
        createDefaults: MODEL_DEFAULTS,
        create: (body) => modelsApi.create(body),
        update: (m, patch) => modelsApi.update(m.id, { ...patch, version: m.version }),
        fetchOne: modelsApi.get,
      }}
    />
  );
}
