import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/catalog';
import { CUSTOMERS } from '../lib/catalog-lookups';
import { SearchSelect, type SearchSelectProps } from './SearchSelect';

const PAGE = 20;

export interface CustomerSelectProps extends Omit<SearchSelectProps, 'queryKey' | 'search'> {
  /** New links go to active customers only; filters may look for archived ones too. */
  activeOnly?: boolean;
}

/**
 * Customers run into the thousands, so the list is searched on the server (name, code, phone,
 * contacts) instead of loading everything.
 */
export function CustomerSelect({ activeOnly = true, ...rest }: CustomerSelectProps) {
  const { t } = useTranslation();
  return (
    <SearchSelect
      placeholder={t('assets.customerSearch')}
      {...rest}
      queryKey={[CUSTOMERS, 'search', activeOnly]}
      search={async (q) => {
        const page = await customersApi.list({
          q: q || undefined,
          status: activeOnly ? 'active' : undefined,
          limit: PAGE,
        });
        return page.items.map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }));
      }}
    />
  );
}
