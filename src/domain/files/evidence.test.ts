import { describe, expect, it } from 'vitest';
import { checkEvidence } from './evidence.ts';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

describe('checkEvidence', () => {
  it('accepts a real PNG photo', () => {
    expect(checkEvidence({ fileName: 'a.png', mimeType: 'image/png', data: png })).toEqual({
      ok: true,
      kind: 'photo',
      mimeType: 'image/png',
    });
  });
  it('falls back on the extension when the browser sends a generic type', () => {
    const r = checkEvidence({
      fileName: 'run.log',
      mimeType: 'application/octet-stream',
      data: Buffer.from('ok'),
    });
    expect(r).toMatchObject({ ok: true, kind: 'file', mimeType: 'text/plain' });
  });
  it('rejects unknown types, lying content, empty and oversize files', () => {
    expect(
      checkEvidence({ fileName: 'x.exe', mimeType: 'application/x-msdownload', data: png }),
    ).toMatchObject({
      ok: false,
      reason: 'type',
    });
    expect(
      checkEvidence({ fileName: 'x.png', mimeType: 'image/png', data: Buffer.from('MZ...') }),
    ).toMatchObject({
      ok: false,
      reason: 'content',
    });
    expect(checkEvidence({ fileName: 'x.png', mimeType: 'image/png', data: Buffer.alloc(0) })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    png.copy(big);
    expect(checkEvidence({ fileName: 'x.png', mimeType: 'image/png', data: big })).toMatchObject({
      ok: false,
      reason: 'size',
    });
  });
});
