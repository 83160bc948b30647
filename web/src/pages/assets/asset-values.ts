import type { Asset } from '../../api/catalog-types';
import { formatDate } from '../../lib/time';

/** Dates are 'YYYY-MM-DD' strings (Beijing days) in the form and on the wire; see dateFieldProps. */
export type AssetValues = {
  serialNo?: string;
  modelId?: string;
  customerId?: string;
  dealerId?: string;
  soldAt?: string | null;
  deliveredAt?: string | null;
  invoiceAt?: string | null;
  acceptedAt?: string | null;
  completedAt?: string | null;
  plan?: string;
  attachments?: string[];
  specialTerms?: { months?: number | null; hoursLimit?: number | null } | null;
  specialPrice?: boolean;
  secondHand?: boolean;
  warrantyCardReturnedAt?: string | null;
  location?: string;
  notes?: string;
};

export const ASSET_DATE_FIELDS = [
  'soldAt',
  'deliveredAt',
  'invoiceAt',
  'acceptedAt',
  'completedAt',
  'warrantyCardReturnedAt',
] as const;

const day = (iso: string | null) => (iso ? formatDate(iso) : undefined);

export const assetToValues = (a: Asset): AssetValues => ({
  serialNo: a.serialNo,
  modelId: a.modelId,
  customerId: a.customerId,
  dealerId: a.dealerId ?? undefined,
  soldAt: day(a.soldAt),
  deliveredAt: day(a.deliveredAt),
  invoiceAt: day(a.invoiceAt),
  acceptedAt: day(a.acceptedAt),
  completedAt: day(a.completedAt),
  plan: a.plan ?? undefined,
  attachments: a.attachments,
  specialTerms: a.specialTerms,
  specialPrice: a.specialPrice,
  secondHand: a.secondHand,
  warrantyCardReturnedAt: day(a.warrantyCardReturnedAt),
  location: a.location ?? undefined,
  notes: a.notes ?? undefined,
});

/**
 * Special terms exist only when a term length is given; an empty hour limit then means unlimited.
 * The two inputs always come back as an object, which must not read as "terms were set".
 */
export const assetToBody = (v: AssetValues): AssetValues => {
  const months = v.specialTerms?.months;
  return {
    ...v,
    specialTerms:
      typeof months === 'number' ? { months, hoursLimit: v.specialTerms?.hoursLimit ?? null } : null,
  };
};

export const ASSET_DEFAULTS: Partial<AssetValues> = {
  attachments: [],
  specialPrice: false,
  secondHand: false,
};
