import ExcelJS from 'exceljs';
import type { TestApp } from '../test/helpers/test-app.ts';

/** Import of 100 thousand assets from one .xlsx file, end to end over HTTP (target ≤ 60 s on PGlite). */
export const benchAssetImport = async (t: TestApp, admin: string) => {
  const policy = await t.request('POST', '/api/warranty-policies', {
    token: admin,
    body: { name: 'import-bench', startBasis: 'delivery', months: 12, hoursLimit: 2000 },
  });
  await t.request('POST', '/api/product-models', {
    token: admin,
    body: { code: 'IMP', name: 'imp', category: 'excavator', warrantyPolicyId: policy.body.id },
  });
  await t.request('POST', '/api/customers', {
    token: admin,
    body: { code: 'IMPC', name: '导入客户', kind: 'existing', grade: 'B' },
  });
  const n = 100_000;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('设备档案');
  ws.addRow(['序列号', '型号编码', '客户编码', '交付日期']);
  for (let i = 0; i < n; i++)
    ws.addRow([
      `IMP${String(i).padStart(7, '0')}`,
      'IMP',
      'IMPC',
      new Date(Date.UTC(2025, i % 12, 1 + (i % 28))),
    ]);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const t0 = performance.now();
  const r = await fetch(`${t.base}/api/imports/assets`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${admin}`,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
    body: file as unknown as BodyInit,
  });
  const { id } = (await r.json()) as { id: string };
  let job: { status: string; imported: number; failed: number } = {
    status: 'queued',
    imported: 0,
    failed: 0,
  };
  while (job.status !== 'done' && job.status !== 'failed') {
    await new Promise((res) => setTimeout(res, 250));
    job = (await t.request('GET', `/api/imports/${id}`, { token: admin })).body;
  }
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `import of ${n.toLocaleString('en')} assets from .xlsx (${(file.length / 1e6).toFixed(1)} MB): ${secs.toFixed(1)} s, ${job.imported.toLocaleString('en')} imported, ${job.failed} failed (target ≤ 60 s; ratio ${(60 / secs).toFixed(2)})`,
  );
};
