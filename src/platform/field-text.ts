import { FIELD_LABELS } from './field-labels.ts';
import { FIELD_MESSAGE_TEXT } from './field-message-text.ts';
import type { Lang } from './messages.ts';

// Per-field messages are stated by the code in English (stable, what tests and logs read); a person
// reads them in the caller's language with the field named in words. Unknown names and messages
// fall back to the English text rather than to nothing (the unit tests keep that list empty).

const SOURCE_PREFIX = /^(body|query|params|querystring|headers)[./]/;
const WHOLE: Record<string, { zh: string; en: string }> = {
  '(body)': { zh: '请求内容', en: 'request body' },
  '(reference)': { zh: '引用的记录', en: 'referenced record' },
  params: { zh: '地址参数', en: 'URL parameter' },
};

const wordFor = (name: string, lang: Lang) => FIELD_LABELS[name]?.[lang] ?? WHOLE[name]?.[lang] ?? name;

/** `contacts.0.phone` → 联系人第 1 项的电话 / contacts #1 phone; `query.from` → the label of `from`. */
export const fieldLabel = (field: string, lang: Lang): string => {
  if (WHOLE[field]) return WHOLE[field][lang];
  // `lines[0].partId`, `contacts.0.phone` and `/weeklyHours/mon` all name the same kind of path.
  const parts = field
    .replace(SOURCE_PREFIX, '')
    .split(/[./[\]]/)
    .filter(Boolean);
  let out = '';
  for (const p of parts) {
    if (/^\d+$/.test(p)) out += lang === 'zh' ? `第 ${Number(p) + 1} 项` : ` #${Number(p) + 1}`;
    else
      out += out === '' ? wordFor(p, lang) : lang === 'zh' ? `的${wordFor(p, lang)}` : ` ${wordFor(p, lang)}`;
  }
  return out || wordFor(field, lang);
};

/** The message alone in the caller's language (`不能为空`, `is required`). */
export const fieldMessageText = (message: string, lang: Lang): string => {
  for (const t of FIELD_MESSAGE_TEXT) {
    const m = t.re.exec(message);
    if (!m) continue;
    return t[lang].replace(/\{(label:)?(\d+)\}/g, (_, label: string | undefined, n: string) => {
      const v = m[Number(n)] ?? '';
      return label ? fieldLabel(v, lang) : v;
    });
  }
  return message;
};

/** One sentence naming the field: 报修时间不能晚于受理时间 / reported time is after accepted time. */
export const fieldSentence = (e: { field: string; message: string }, lang: Lang): string => {
  const label = fieldLabel(e.field, lang);
  const text = fieldMessageText(e.message, lang);
  return lang === 'zh' ? `${label}${text}` : `${label} ${text}`;
};

type Detail = { field: string; message: string };
const isFieldList = (d: unknown): d is Detail[] =>
  Array.isArray(d) &&
  d.every((x) => x && typeof x === 'object' && typeof x.field === 'string' && typeof x.message === 'string');

/**
 * Field details as the caller reads them: `message` in the caller's language and `label`, the
 * field in words; `field` stays the machine path a form uses to mark its input.
 */
export const localizeDetails = (details: unknown, lang: Lang) =>
  isFieldList(details)
    ? details.map((d) => ({
        ...d,
        label: fieldLabel(d.field, lang),
        message: fieldMessageText(d.message, lang),
      }))
    : details;

/** The sentences for the top-level message, or undefined when the details are not a field list. */
export const fieldSentences = (details: unknown, lang: Lang): string[] | undefined =>
  isFieldList(details) ? details.map((d) => fieldSentence(d, lang)) : undefined;
