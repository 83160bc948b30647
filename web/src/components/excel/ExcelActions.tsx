import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExcelKind, excelApi } from '../../api/excel';
import type { PermissionCode } from '../../api/types';
import { useApiErrorHandler } from '../../lib/errors';
import { useCan, useMe } from '../../lib/session';
import { ImportModal } from './ImportModal';

// The permission that lets a user write each kind; export needs only the list's read permission.
const WRITE: Record<ExcelKind, PermissionCode> = {
  customers: 'customer.write',
  models: 'product.write',
  assets: 'asset.write',
};

export interface ExcelActionsProps {
  kind: ExcelKind;
  /** Query-key root of the list, refreshed when an import finishes. */
  resource: string;
}

/** 导出 Excel / 导入 Excel buttons of a list page. */
export function ExcelActions({ kind, resource }: ExcelActionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const handleError = useApiErrorHandler();
  const [exporting, setExporting] = useState(false);
  const [importing, setImporting] = useState(false);
  // Imports write across owners and dealers, so the server accepts them only from all-data roles.
  const canImport = can(WRITE[kind]) && me.role.scope === 'all';

  const exportAll = async () => {
    setExporting(true);
    try {
      await excelApi.exportAll(kind);
    } catch (err) {
      handleError(err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        data-testid={`export-${kind}`}
        loading={exporting}
        onClick={() => void exportAll()}
      >
        {t('excel.export')}
      </Button>
      {canImport && (
        <Button
          icon={<UploadOutlined aria-hidden />}
          data-testid={`import-${kind}`}
          onClick={() => setImporting(true)}
        >
          {t('excel.import')}
        </Button>
      )}
      <ImportModal kind={kind} resource={resource} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
