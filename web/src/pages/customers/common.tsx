import { Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  BUSINESS_STATUSES,
  CUSTOMER_KINDS,
  type Customer,
  type CustomerStatus,
  GRADES,
} from '../../api/catalog-types';

// A is the customer to keep happy, D the one to ask for payment up front: green through red.
const GRADE_COLOURS: Record<string, string> = { A: 'green', B: 'orange', C: 'blue', D: 'red' };

export function GradeTag({ grade }: { grade: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`customers.gradeHints.${grade}`, { defaultValue: '' })}>
      <Tag color={GRADE_COLOURS[grade]} data-testid="grade-tag" data-grade={grade}>
        {grade} · {t(`customers.grades.${grade}`, { defaultValue: grade })}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: CustomerStatus | string }) {
  const { t } = useTranslation();
  return status === 'archived' ? (
    <Tag data-testid="customer-status" data-status={status}>
      {t('customers.statusArchived')}
    </Tag>
  ) : (
    <Tag color="green" data-testid="customer-status" data-status={status}>
      {t('customers.statusActive')}
    </Tag>
  );
}

export const kindLabel = (t: TFunction, kind: string) => t(`customers.kinds.${kind}`, { defaultValue: kind });

export const kindOptions = (t: TFunction) =>
  CUSTOMER_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }));

export const gradeOptions = (t: TFunction) =>
  GRADES.map((g) => ({
    value: g,
    label: `${g} · ${t(`customers.grades.${g}`)}（${t(`customers.gradeHints.${g}`)}）`,
  }));

export const statusOptions = (t: TFunction) => [
  { value: 'active', label: t('customers.statusActive') },
  { value: 'archived', label: t('customers.statusArchived') },
];

// The document gives the status as a plain string: an unknown one gets the default colour.
const BUSINESS_COLOURS: Partial<Record<Customer['businessStatus'], string>> = {
  operating: 'green',
  bankrupt: 'red',
  closed: 'volcano',
};

export function BusinessTag({ status }: { status: Customer['businessStatus'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={BUSINESS_COLOURS[status]} data-testid="business-status" data-status={status}>
      {t(`business.statuses.${status}`, { defaultValue: status })}
    </Tag>
  );
}

export const businessOptions = (t: TFunction) =>
  BUSINESS_STATUSES.map((s) => ({ value: s, label: t(`business.statuses.${s}`) }));
