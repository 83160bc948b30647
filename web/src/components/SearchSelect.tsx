import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Option } from '../lib/lookups';

const DEBOUNCE_MS = 300;

export interface SearchSelectProps extends Omit<SelectProps<string>, 'options' | 'showSearch'> {
  /** Query key of the search; the typed text is appended. */
  queryKey: unknown[];
  search: (q: string) => Promise<Option[]>;
  /** Label for a value set before any search ran (editing, or a preset record). */
  initialOption?: Option;
}

/**
 * A select over a list too long to load (customers, machines): searched on the server while typing.
 * The chosen option may drop out of later results; its label is kept so the id never shows.
 */
export function SearchSelect({ queryKey, search, initialOption, onChange, ...rest }: SearchSelectProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const query = useQuery({
    queryKey: [...queryKey, q],
    queryFn: () => search(q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: !rest.disabled,
  });

  const options: Option[] = [...(query.data ?? [])];
  for (const extra of [picked, initialOption]) {
    if (extra && !options.some((o) => o.value === extra.value)) options.unshift(extra);
  }

  return (
    <Select<string>
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
