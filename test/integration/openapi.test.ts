import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../helpers/test-app.ts';

describe('OpenAPI document', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document for a standard validator', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    // validate() throws with every schema error it found; it dereferences in place, so give it a copy.
    await expect(SwaggerParser.validate(structuredClone(res.body))).resolves.toBeTruthy();
  });

  it('states nullability in the 3.1 way (a null type), never with the 3.0 `nullable` keyword', async () => {
    const res = await t.request('GET', '/api/openapi.json');
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('"nullable"');
    expect(text).toContain('{"type":"null"}');
  });
});
