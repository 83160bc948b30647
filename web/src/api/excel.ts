// Excel import and export: .xlsx travels as raw bytes both ways, so these bypass the JSON helpers.
import { saveBlob } from '../lib/download';
import { api, type Query, send } from './client';
import { allOf, type Item, type paths, type ResponseOf } from './schema';

type ImportPath = '/api/imports/{kind}';
export type ExcelKind = NonNullable<paths[ImportPath]['post']>['parameters']['path']['kind'];
export const EXCEL_KINDS = allOf<ExcelKind>()(['customers', 'models', 'assets']);

export type ImportJob = ResponseOf<'/api/imports/{id}'>;
export type ImportStatus = ImportJob['status'];
/** Spreadsheet row number as Excel shows it (the header is row 1), the importer's field key, why. */
export type ImportRowError = Item<ImportJob['errors']>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * `attachment; filename="customers-2026-06-01.xlsx"` → the name; the server's name carries the date.
 * An RFC 5987 `filename*=UTF-8''服务请求.xlsx` wins over the ASCII fallback beside it.
 */
function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition) ?? /filename="?([^";]+)"?/i.exec(disposition);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/** Saves a server-made .xlsx under the name the server gives it (which carries the date). */
export async function downloadXlsx(path: string, fallbackName: string, query?: Query): Promise<void> {
  const res = await send('GET', path, { query, headers: { Accept: XLSX } });
  saveBlob(await res.blob(), fileNameOf(res.headers.get('content-disposition')) ?? fallbackName);
}

export const excelApi = {
  exportAll: (kind: ExcelKind) => downloadXlsx(`/api/exports/${kind}`, `${kind}.xlsx`),
  template: (kind: ExcelKind) => downloadXlsx(`/api/imports/templates/${kind}`, `${kind}-template.xlsx`),
  /** The file itself is the body; the job runs on the server after the 202 and is polled. */
  start: async (kind: ExcelKind, file: File): Promise<ImportJob> => {
    const res = await send('POST', `/api/imports/${kind}`, {
      body: file,
      headers: {
        Accept: 'application/json',
        'Content-Type': XLSX,
        'X-File-Name': encodeURIComponent(file.name),
      },
    });
    return (await res.json()) as ImportJob;
  },
  job: (id: string) => api.get<ImportJob>(`/api/imports/${encodeURIComponent(id)}`),
};
