import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../../api/catalog';
import type { Asset } from '../../api/catalog-types';
import { FormModal } from '../../components/FormModal';
import { ASSETS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { createBody, patchBody } from '../../lib/forms';
import { type Option, useDealerOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { AssetFields } from './AssetFields';
import { ASSET_DEFAULTS, type AssetValues, assetToBody, assetToValues } from './asset-values';

export type AssetModalState =
  | { mode: 'create'; customer?: Option; dealerId?: string | null }
  | { mode: 'edit'; asset: Asset }
  | null;

interface Props {
  state: AssetModalState;
  onChange: (state: AssetModalState) => void;
}

/** Create or edit one machine outside the list page: from a customer's card or the machine's own card. */
export function AssetFormModal({ state, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const dealers = useDealerOptions(can('org.read'));
  const editing = state?.mode === 'edit' ? state.asset : null;

  const submit = async (values: AssetValues) => {
    if (editing) {
      const patch = patchBody(assetToBody(assetToValues(editing)), assetToBody(values));
      if (Object.keys(patch).length > 0) {
        await assetsApi.update(editing.id, { ...patch, version: editing.version });
        void message.success(t('common.saved'));
      }
    } else {
      await assetsApi.create(createBody(assetToBody(values)));
      void message.success(t('common.created'));
    }
    onChange(null);
    await queryClient.invalidateQueries({ queryKey: [ASSETS] });
  };

  const reload = async () => {
    if (!editing) return;
    try {
      onChange({ mode: 'edit', asset: await assetsApi.get(editing.id) });
      void queryClient.invalidateQueries({ queryKey: [ASSETS] });
    } catch (err) {
      handleError(err);
    }
  };

  const initialValues: Partial<AssetValues> | undefined = editing
    ? assetToValues(editing)
    : state?.mode === 'create'
      ? {
          ...ASSET_DEFAULTS,
          customerId: state.customer?.value,
          dealerId: state.dealerId ?? undefined,
        }
      : undefined;

  const customerOption = editing
    ? { value: editing.customerId, label: editing.customerName }
    : state?.mode === 'create'
      ? state.customer
      : undefined;

  return (
    <FormModal<AssetValues>
      open={state !== null}
      title={editing ? t('assets.editTitle') : t('assets.create')}
      width={820}
      initialValues={initialValues}
      resetKey={editing ? `${editing.id}:${editing.version}` : 'create'}
      onSubmit={submit}
      onCancel={() => onChange(null)}
      onConflict={() => void reload()}
    >
      {state && (
        <AssetFields
          mode={state.mode}
          record={editing ?? undefined}
          customerOption={customerOption}
          dealers={can('org.read') ? dealers.options : undefined}
        />
      )}
    </FormModal>
  );
}
