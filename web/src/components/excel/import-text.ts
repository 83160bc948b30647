import type { TFunction } from 'i18next';
import type { ExcelKind } from '../../api/excel';
import { fieldMessage } from '../../lib/errors';

// Import reports name the importer's field keys; people know them by the labels of the edit forms.
const FIELD_LABELS: Record<ExcelKind, Record<string, string>> = {
  customers: {
    code: 'customers.code',
    name: 'customers.name',
    kind: 'customers.kind',
    grade: 'customers.grade',
    dealerCode: 'excel.fields.dealerCode',
    region: 'customers.region',
    address: 'customers.address',
    phone: 'customers.phone',
    industry: 'customers.industry',
  },
  models: {
    code: 'models.code',
    name: 'models.name',
    category: 'models.category',
    operatingWeightT: 'models.operatingWeightT',
    policyName: 'excel.fields.policyName',
    hoursLimitOverride: 'models.hoursLimitOverride',
    wearParts: 'models.wearParts',
    consumables: 'models.consumables',
    listPriceYuan: 'excel.fields.listPriceYuan',
  },
  assets: {
    serialNo: 'assets.serialNo',
    modelCode: 'excel.fields.modelCode',
    customerCode: 'excel.fields.customerCode',
    dealerCode: 'excel.fields.dealerCode',
    deliveredAt: 'assets.deliveredAt',
    invoiceAt: 'assets.invoiceAt',
    acceptedAt: 'assets.acceptedAt',
    completedAt: 'assets.completedAt',
    plan: 'assets.plan',
    attachments: 'assets.attachments',
    warrantyCardReturnedAt: 'assets.warrantyCardReturnedAt',
  },
};

export function importFieldLabel(t: TFunction, kind: ExcelKind, field: string): string {
  if (field === '(key)') return t('excel.fields.key');
  const key = FIELD_LABELS[kind][field];
  return key ? t(key) : field;
}

// Cell checks of the importer answer in English (src/modules/imports/cells.ts and importers.ts).
const CELL_MESSAGES: [RegExp, string][] = [
  [/^is longer than (\d+) characters$/, 'longerThan'],
  [/^is not a number$/, 'notNumber'],
  [/^must be a whole number$/, 'wholeNumber'],
  [/^must be at least (-?[\d.]+)$/, 'atLeast'],
  [/^must be at most (-?[\d.]+)$/, 'atMost'],
  [/^is not a date \(YYYY-MM-DD\)$/, 'notDate'],
  [/^is not a valid date$/, 'invalidDate'],
  [/^must be one of (.+)$/, 'oneOf'],
  [/^"(.*)" does not exist$/, 'doesNotExist'],
  [/^has characters a serial number cannot have$/, 'serialChars'],
  [/^appears twice in the file$/, 'twiceInFile'],
  [/^is already registered$/, 'alreadyRegistered'],
  [/^(\d+) row\(s\) in rows .* were registered by someone else meanwhile$/, 'concurrent'],
];

export function importCellMessage(t: TFunction, message: string): string {
  for (const [re, key] of CELL_MESSAGES) {
    const m = re.exec(message);
    if (m) return t(`excel.cells.${key}`, { n: m[1], defaultValue: message });
  }
  // "is required", "has no current warranty policy"… are shared with the forms' field messages.
  return fieldMessage(t, message);
}

/** Why a whole job failed: missing header columns or an unreadable file. */
export function importJobMessage(t: TFunction, message: string): string {
  const missing = /^missing columns: (.+)$/.exec(message);
  if (missing) return t('excel.missingColumns', { n: missing[1] });
  const unreadable = /^the file could not be read: (.*)$/s.exec(message);
  if (unreadable) return t('excel.unreadable', { n: unreadable[1] });
  return message;
}
