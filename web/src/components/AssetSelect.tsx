import { useTranslation } from 'react-i18next';
import { assetsApi } from '../api/catalog';
import type { Asset } from '../api/catalog-types';
import { ASSETS } from '../lib/catalog-lookups';
import { SearchSelect, type SearchSelectProps } from './SearchSelect';

const PAGE = 20;

export const assetLabel = (a: Pick<Asset, 'serialNo' | 'modelCode' | 'modelName'>) =>
  `${a.serialNo} · ${a.modelCode} ${a.modelName}`;

export interface AssetSelectProps extends Omit<SearchSelectProps, 'queryKey' | 'search'> {
  /** Only this customer's machines; customer-scoped users get only their own anyway. */
  customerId?: string;
}

/** Machines searched on the server by serial-number prefix, as typed from the nameplate. */
export function AssetSelect({ customerId, ...rest }: AssetSelectProps) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      placeholder={t('assets.serialSearch')}
      {...rest}
      queryKey={[ASSETS, 'search', customerId]}
      search={async (q) => {
        const page = await assetsApi.list({ customerId, serialPrefix: q || undefined, limit: PAGE });
        return page.items.map((a) => ({ value: a.id, label: assetLabel(a) }));
      }}
    />
  );
}
