import { describe, expect, it } from 'vitest';
import { type CsrfInput, csrfVerdict, originOf } from './csrf.ts';

const base: CsrfInput = {
  method: 'POST',
  origin: undefined,
  secFetchSite: undefined,
  host: 'aftersales.example.com',
  allowedOrigins: [],
  bearer: false,
  cookieAuth: true,
};
const verdict = (over: Partial<CsrfInput>) => csrfVerdict({ ...base, ...over });

describe('csrfVerdict', () => {
  it('passes reads whatever their origin', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS'])
      expect(verdict({ method, origin: 'https://evil.example' })).toEqual({ ok: true });
  });

  it('refuses a cookie-authenticated change from a foreign origin, for every unsafe method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post'])
      expect(verdict({ method, origin: 'https://evil.example' })).toEqual({
        ok: false,
        reason: 'foreign_origin',
      });
  });

  it('refuses the opaque origin "null" and garbage', () => {
    expect(verdict({ origin: 'null' }).ok).toBe(false);
    expect(verdict({ origin: 'not a url' }).ok).toBe(false);
    expect(verdict({ origin: '' }).ok).toBe(false);
  });

  it('passes the same host, with or without a port, whatever the scheme', () => {
    expect(verdict({ origin: 'https://aftersales.example.com' }).ok).toBe(true);
    expect(verdict({ origin: 'http://aftersales.example.com' }).ok).toBe(true);
    expect(verdict({ host: 'AfterSales.example.com', origin: 'https://aftersales.example.com' }).ok).toBe(
      true,
    );
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }).ok).toBe(true);
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3001' }).ok).toBe(false);
    // A look-alike host is foreign.
    expect(verdict({ origin: 'https://aftersales.example.com.evil.example' }).ok).toBe(false);
  });

  it('passes a configured origin (the public address behind a proxy that rewrites Host)', () => {
    const allowedOrigins = ['https://service.example.com'];
    expect(
      verdict({ host: '127.0.0.1:3000', origin: 'https://service.example.com', allowedOrigins }).ok,
    ).toBe(true);
    expect(verdict({ host: '127.0.0.1:3000', origin: 'http://service.example.com', allowedOrigins }).ok).toBe(
      false,
    );
  });

  it('without Origin, refuses Sec-Fetch-Site cross-site only', () => {
    expect(verdict({ secFetchSite: 'cross-site' })).toEqual({ ok: false, reason: 'cross_site' });
    for (const s of ['same-origin', 'same-site', 'none', undefined])
      expect(verdict({ secFetchSite: s }).ok).toBe(true);
  });

  it('does not apply to bearer-token requests or requests without the session cookie', () => {
    expect(verdict({ bearer: true, origin: 'https://evil.example' }).ok).toBe(true);
    expect(verdict({ cookieAuth: false, origin: 'https://evil.example' }).ok).toBe(true);
  });
});

describe('originOf', () => {
  it('normalises URLs to their origin', () => {
    expect(originOf('https://a.example.com:443/x/y')).toBe('https://a.example.com');
    expect(originOf('http://localhost:3000/')).toBe('http://localhost:3000');
    expect(originOf('nonsense')).toBe(null);
  });
});
