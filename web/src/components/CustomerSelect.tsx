import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersApi } from '../api/catalog';
import { CUSTOMERS } from '../lib/catalog-lookups';
import type { Option } from '../lib/lookups';

const PAGE = 20;
const DEBOUNCE_MS = 300;

export interface CustomerSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** Label for a value set before any search ran (editing, or a preset customer). */
  initialOption?: Option;
  /** New links go to active customers only; filters may look for archived ones too. */
  activeOnly?: boolean;
}

/**
 * Customers run into the thousands, so the list is searched on the server (name, code, phone,
 * contacts) instead of loading everything.
 */
export function CustomerSelect({ initialOption, activeOnly = true, onChange, ...rest }: CustomerSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // The chosen option may drop out of later search results; keep its label so the id never shows.
  const [picked, setPicked] = useState<Option | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = useQuery({
    queryKey: [CUSTOMERS, 'search', q, activeOnly],
    queryFn: () =>
      customersApi.list({ q: q || undefined, status: activeOnly ? 'active' : undefined, limit: PAGE }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const options: Option[] = (query.data?.items ?? []).map((c) => ({
    value: c.id,
    label: `${c.name}（${c.code}）`,
  }));
  for (const extra of [picked, initialOption]) {
    if (extra && !options.some((o) => o.value === extra.value)) options.unshift(extra);
  }

  return (
    <Select<string>
      placeholder={t('assets.customerSearch')}
      {...rest}
      options={options}
      loading={query.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      onChange={(value, option) => {
        const opt = Array.isArray(option) ? undefined : option;
        setPicked(opt && typeof opt.label === 'string' ? { value, label: opt.label } : null);
        setTyped('');
        onChange?.(value, option);
      }}
    />
  );
}
