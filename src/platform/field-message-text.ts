/**
 * A per-field message as the server states it (English, stable) → how a person reads it.
 * `{1}`, `{2}` insert a capture as is; `{label:1}` inserts the capture read as a field name
 * (its label in the caller's language). The first pattern that matches wins.
 */
export const FIELD_MESSAGE_TEXT: ReadonlyArray<{ re: RegExp; zh: string; en: string }> = [
  { re: /^is required$/, zh: '不能为空', en: 'is required' },
];
