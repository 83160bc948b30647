import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { modelsApi, policiesApi } from '../api/catalog';
import type { Policy, ProductModel } from '../api/catalog-types';
import { fetchAll, type Option } from './lookups';

const STALE = 60_000;

// Query-key roots; pages invalidate these after a change so every picker built on them refreshes.
export const CUSTOMERS = 'customers';
export const ASSETS = 'assets';
export const MODELS = 'product-models';
export const POLICIES = 'warranty-policies';

/** Current policy versions: the only ones a new model may point at. */
export function useCurrentPolicies(enabled = true) {
  return useQuery({
    queryKey: [POLICIES, 'current'],
    queryFn: async () => (await policiesApi.list()).items,
    enabled,
    staleTime: STALE,
  });
}

/** One policy version by id; superseded versions are still what sold machines are judged by. */
export function usePolicy(id: string | null | undefined) {
  return useQuery({
    queryKey: [POLICIES, 'detail', id],
    queryFn: () => policiesApi.get(id as string),
    enabled: !!id,
    staleTime: STALE,
  });
}

export const policyLabel = (p: Pick<Policy, 'name' | 'version'>) => `${p.name} (v${p.version})`;

export function usePolicyOptions(enabled = true): Option[] {
  const policies = useCurrentPolicies(enabled).data ?? [];
  return policies.map((p) => ({ value: p.id, label: policyLabel(p) }));
}

export const modelLabel = (m: Pick<ProductModel, 'code' | 'name'>) => `${m.code} ${m.name}`;

/** Every model, inactive ones included, so existing machines still show theirs. */
export function useModels(enabled = true) {
  return useQuery({
    queryKey: [MODELS, 'all'],
    queryFn: () => fetchAll(modelsApi.list),
    enabled,
    staleTime: STALE,
  });
}

export function useModelOptions(enabled = true, activeOnly = false): Option[] {
  const models = useModels(enabled).data ?? [];
  return models.filter((m) => !activeOnly || m.active).map((m) => ({ value: m.id, label: modelLabel(m) }));
}

/** Attachment codes are machine keys (hydraulic_breaker); known ones get a readable name. */
export function useAttachmentLabel(): (code: string) => string {
  const { t } = useTranslation();
  return (code: string) => {
    const name = t(`attachmentNames.${code}`, { defaultValue: '' });
    return name ? `${name} (${code})` : code;
  };
}
