import ExcelJS from 'exceljs';

export type Cell = string | number | boolean | Date | null;
export type SheetRow = { row: number; values: Record<string, Cell> };

// exceljs gives rich text, formulas and hyperlinks as objects; imports only care about the shown value.
const plain = (v: ExcelJS.CellValue): Cell => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v)
      return (
        v.richText
          .map((r) => r.text)
          .join('')
          .trim() || null
      );
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('text' in v) return plain(v.text as ExcelJS.CellValue);
  }
  return String(v);
};

/**
 * Reads the first worksheet: the first row holds headers, which are matched (Chinese or English) to
 * field names through `columns`. Unknown headers are ignored; missing required ones are reported.
 */
export const readSheet = async (buffer: Buffer, columns: Record<string, string[]>) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [] as string[], rows: [] as SheetRow[] };
  const byHeader = new Map<string, string>();
  for (const [field, names] of Object.entries(columns))
    for (const n of [field, ...names]) byHeader.set(n.trim().toLowerCase(), field);
  const fieldAt = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    // Templates and exports mark required columns with " *"; the mark is not part of the name.
    const f = byHeader.get(
      String(plain(cell.value) ?? '')
        .replace(/\s*[*＊]\s*$/, '')
        .trim()
        .toLowerCase(),
    );
    if (f) fieldAt.set(col, f);
  });
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const values: Record<string, Cell> = {};
    let any = false;
    r.eachCell((cell, col) => {
      const f = fieldAt.get(col);
      if (!f) return;
      const v = plain(cell.value);
      values[f] = v;
      if (v !== null) any = true;
    });
    if (any) rows.push({ row: n, values });
  });
  return { headers: [...fieldAt.values()], rows };
};

/** A workbook with one sheet, headers in Chinese, for exports and import templates. */
export const writeSheet = async (opts: {
  sheet: string;
  columns: { header: string; key: string; width?: number }[];
  rows: Record<string, unknown>[];
}) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet);
  ws.columns = opts.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const r of opts.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};
