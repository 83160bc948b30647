// Which evidence files a ticket accepts (photos, video, data files) and how big they may be. The
// declared type is not trusted: the first bytes must look like that type too.

export type EvidenceKind = 'photo' | 'video' | 'file';

const MB = 1024 * 1024;

type Rule = { kind: EvidenceKind; maxBytes: number; magic: (b: Buffer) => boolean };

const starts = (b: Buffer, bytes: number[], offset = 0) => bytes.every((x, i) => b[offset + i] === x);
const ascii = (b: Buffer, text: string, offset = 0) =>
  b.subarray(offset, offset + text.length).toString('latin1') === text;
const zip = (b: Buffer) => starts(b, [0x50, 0x4b, 0x03, 0x04]);
// Text files: no NUL byte in the first 4 KiB.
const text = (b: Buffer) => !b.subarray(0, 4096).includes(0);

export const EVIDENCE_RULES: Record<string, Rule> = {
  'image/jpeg': { kind: 'photo', maxBytes: 10 * MB, magic: (b) => starts(b, [0xff, 0xd8, 0xff]) },
  'image/png': { kind: 'photo', maxBytes: 10 * MB, magic: (b) => starts(b, [0x89, 0x50, 0x4e, 0x47]) },
  'image/gif': { kind: 'photo', maxBytes: 10 * MB, magic: (b) => ascii(b, 'GIF8') },
  'image/webp': { kind: 'photo', maxBytes: 10 * MB, magic: (b) => ascii(b, 'RIFF') && ascii(b, 'WEBP', 8) },
  'video/mp4': { kind: 'video', maxBytes: 100 * MB, magic: (b) => ascii(b, 'ftyp', 4) },
  'video/quicktime': {
    kind: 'video',
    maxBytes: 100 * MB,
    magic: (b) => ascii(b, 'ftyp', 4) || ascii(b, 'moov', 4),
  },
  'video/webm': { kind: 'video', maxBytes: 100 * MB, magic: (b) => starts(b, [0x1a, 0x45, 0xdf, 0xa3]) },
  'application/pdf': { kind: 'file', maxBytes: 20 * MB, magic: (b) => ascii(b, '%PDF') },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    kind: 'file',
    maxBytes: 20 * MB,
    magic: zip,
  },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    kind: 'file',
    maxBytes: 20 * MB,
    magic: zip,
  },
  'application/zip': { kind: 'file', maxBytes: 20 * MB, magic: zip },
  'text/plain': { kind: 'file', maxBytes: 20 * MB, magic: text },
  'text/csv': { kind: 'file', maxBytes: 20 * MB, magic: text },
};

// Browsers send a generic type for some files (e.g. .log, .csv on Windows); the extension decides then.
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
  txt: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
};

export type EvidenceCheck =
  | { ok: true; kind: EvidenceKind; mimeType: string }
  | { ok: false; reason: 'type' | 'size' | 'content' | 'empty'; message: string; maxBytes?: number };

export const checkEvidence = (opts: { fileName: string; mimeType: string; data: Buffer }): EvidenceCheck => {
  const ext = opts.fileName.toLowerCase().split('.').pop() ?? '';
  const declared = opts.mimeType.toLowerCase().split(';')[0]!.trim();
  const mimeType = EVIDENCE_RULES[declared] ? declared : BY_EXTENSION[ext];
  const rule = mimeType ? EVIDENCE_RULES[mimeType] : undefined;
  if (!rule || !mimeType)
    return { ok: false, reason: 'type', message: `file type ${declared || ext} is not accepted` };
  if (opts.data.length === 0) return { ok: false, reason: 'empty', message: 'the file is empty' };
  if (opts.data.length > rule.maxBytes)
    return {
      ok: false,
      reason: 'size',
      message: `${rule.kind} files may be at most ${rule.maxBytes / MB} MB`,
      maxBytes: rule.maxBytes,
    };
  if (!rule.magic(opts.data))
    return { ok: false, reason: 'content', message: `the content does not look like ${mimeType}` };
  return { ok: true, kind: rule.kind, mimeType };
};
