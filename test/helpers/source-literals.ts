import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The field names and per-field messages the server's source states as literals: the arguments of
 * `fieldError(field, message)`, the `field`/`message` of `{ field, message }` objects (and of the
 * `{ ok: false, message }` results that end up in one), and `new CellError(message)` of the
 * imports. Read from the text, so a message added anywhere in src/ is seen without running it.
 * A template literal's `${…}` reads as `12`, a value that fits every placeholder of ours.
 */
export type SourceLiteral = { text: string; file: string; line: number };

const SAMPLE = '12';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });

/** The string literal starting at `i`, `${…}` replaced by the sample, and the index after it. */
const literalAt = (s: string, i: number): { text: string; end: number } | null => {
  const q = s[i];
  if (q !== "'" && q !== '"' && q !== '`') return null;
  let text = '';
  let j = i + 1;
  while (j < s.length && s[j] !== q) {
    if (s[j] === '\\') {
      text += s[j + 1];
      j += 2;
    } else if (q === '`' && s[j] === '$' && s[j + 1] === '{') {
      let depth = 1;
      j += 2;
      while (depth > 0 && j < s.length) {
        if (s[j] === '{') depth++;
        else if (s[j] === '}') depth--;
        j++;
      }
      text += SAMPLE;
    } else {
      text += s[j];
      j++;
    }
  }
  return { text, end: j + 1 };
};

/** Where the expression starting at `i` ends: the first `,` or closing bracket outside brackets and strings. */
const expressionEnd = (s: string, i: number): number => {
  let depth = 0;
  while (i < s.length) {
    const c = s[i]!;
    const lit = literalAt(s, i);
    if (lit) {
      i = lit.end;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return i;
      depth--;
    } else if (c === ',' && depth === 0) return i;
    i++;
  }
  return i;
};

/**
 * The string values an expression can take: the literals in it, after the `?` of a conditional
 * (its condition's literals, `x === 'done' ? …`, are no values), outside brackets.
 */
const valuesOf = (s: string, from: number, to: number): string[] => {
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const lit = literalAt(s, i);
    if (lit) {
      i = lit.end - 1;
      continue;
    }
    const c = s[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === '?' && depth === 0 && s[i + 1] !== '?' && s[i + 1] !== '.' && s[i - 1] !== '?') {
      start = i + 1;
      break;
    }
  }
  // Only literals outside brackets: those inside are arguments (`k.replaceAll('\u0000', …)`).
  const out: string[] = [];
  depth = 0;
  for (let i = start; i < to; ) {
    const lit = literalAt(s, i);
    if (lit) {
      if (depth === 0) out.push(lit.text);
      i = lit.end;
      continue;
    }
    if ('([{'.includes(s[i]!)) depth++;
    else if (')]}'.includes(s[i]!)) depth--;
    i++;
  }
  return out;
};

/** The object literal around index `i`: from its `{` to its `}`, with nested brackets blanked. */
const enclosingObject = (s: string, i: number): string => {
  let depth = 0;
  let open = i;
  for (; open >= 0; open--) {
    const c = s[open];
    if (c === '}') depth++;
    else if (c === '{') {
      if (depth === 0) break;
      depth--;
    }
  }
  let close = expressionEnd(s, open + 1);
  while (s[close] === ',') close = expressionEnd(s, close + 1);
  let flat = '';
  depth = 0;
  for (let j = open + 1; j < close; j++) {
    const c = s[j]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (depth === 0) flat += c;
  }
  return flat;
};

const lineOf = (s: string, i: number) => s.slice(0, i).split('\n').length;
const hasCjk = (t: string) => /[\u3400-\u9fff]/.test(t);

export const scanSource = (root: string) => {
  const messages: SourceLiteral[] = [];
  const fields: SourceLiteral[] = [];
  for (const abs of sourceFiles(path.join(root, 'src'))) {
    const s = readFileSync(abs, 'utf8');
    const file = path.relative(root, abs);
    const add = (list: SourceLiteral[], texts: string[], at: number) => {
      for (const text of texts) list.push({ text, file, line: lineOf(s, at) });
    };
    for (const m of s.matchAll(/\bfieldError\(/g)) {
      const a = m.index + m[0].length;
      const aEnd = expressionEnd(s, a);
      add(fields, valuesOf(s, a, aEnd), m.index);
      if (s[aEnd] !== ',') continue;
      const b = aEnd + 1;
      add(messages, valuesOf(s, b, expressionEnd(s, b)), m.index);
    }
    for (const m of s.matchAll(/\bnew CellError\(/g)) {
      const a = m.index + m[0].length;
      add(messages, valuesOf(s, a, expressionEnd(s, a)), m.index);
    }
    for (const m of s.matchAll(/\bmessage:\s*/g)) {
      const obj = enclosingObject(s, m.index);
      const isFieldError = /(^|,)\s*field\s*(:|,|$)/.test(obj);
      const isFailedCheck = /(^|,)\s*ok:\s*false\s*(,|$)/.test(obj);
      if (!isFieldError && !isFailedCheck) continue;
      const v = m.index + m[0].length;
      // Chinese texts in such objects are the user message of a refusal, not a field's message.
      add(
        messages,
        valuesOf(s, v, expressionEnd(s, v)).filter((t) => !hasCjk(t)),
        m.index,
      );
    }
    for (const m of s.matchAll(/(?:[{,]\s*)field:\s*/g)) {
      const v = m.index + m[0].length;
      add(fields, valuesOf(s, v, expressionEnd(s, v)), m.index);
    }
  }
  return { messages, fields };
};

/** A field path's names: `lines[2].partId` → lines, partId; `querystring.from` → querystring, from. */
export const fieldNamesOf = (field: string): string[] =>
  field.split(/[.[\]]+/).filter((p) => p !== '' && !/^\d+$/.test(p));
