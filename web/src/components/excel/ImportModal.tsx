import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Progress,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExcelKind, excelApi, type ImportJob, type ImportRowError } from '../../api/excel';
import { useApiErrorHandler } from '../../lib/errors';
import { importCellMessage, importFieldLabel, importJobMessage } from './import-text';

const POLL_MS = 500;
const finished = (job: ImportJob | null | undefined) => job?.status === 'done' || job?.status === 'failed';
// The document gives a job's status as a plain string: an unknown one gets the default colour.
const STATUS_COLOURS: Partial<Record<ImportJob['status'], string>> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

interface Props {
  kind: ExcelKind;
  resource: string;
  open: boolean;
  onClose: () => void;
}

/**
 * Pick an .xlsx, start the server-side job, then follow it: progress, counts, and the row-by-row
 * error report. The job keeps running if the modal closes; reopening shows where it got to.
 */
export function ImportModal({ kind, resource, open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [started, setStarted] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);

  const poll = useQuery({
    queryKey: ['imports', started?.id],
    queryFn: () => excelApi.job(started?.id as string),
    enabled: !!started && !finished(started),
    refetchInterval: (q) => (q.state.status === 'error' || finished(q.state.data) ? false : POLL_MS),
    staleTime: 0,
  });
  useEffect(() => {
    if (poll.error) handleError(poll.error);
  }, [poll.error, handleError]);
  const job = poll.data ?? started;

  // New rows belong in the list (and in every picker built on it) once, when the job ends.
  const refreshedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!job || !finished(job) || refreshedFor.current === job.id) return;
    refreshedFor.current = job.id;
    void queryClient.invalidateQueries({ queryKey: [resource] });
  }, [job, resource, queryClient]);

  const reset = () => {
    setFile(null);
    setStarted(null);
  };
  const close = () => {
    if (!job || finished(job)) reset();
    onClose();
  };

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    try {
      await what();
    } catch (err) {
      handleError(err);
    } finally {
      setBusy(false);
    }
  };
  const start = () =>
    run(async () => {
      if (file) setStarted(await excelApi.start(kind, file));
    });

  const footer = job
    ? [
        finished(job) && (
          <Button key="again" data-testid="import-again" onClick={reset}>
            {t('excel.again')}
          </Button>
        ),
        <Button key="close" type="primary" data-testid="import-close" onClick={close}>
          {t('excel.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="start"
          type="primary"
          data-testid="import-start"
          disabled={!file || busy}
          onClick={() => void start()}
        >
          {t('excel.start')}
        </Button>,
      ];

  return (
    <Modal
      open={open}
      title={t('excel.importTitle', { what: t(`excel.kinds.${kind}`) })}
      width={760}
      onCancel={close}
      footer={footer}
      mask={{ closable: false }}
    >
      {job ? (
        <JobProgress kind={kind} job={job} />
      ) : (
        <Space vertical size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('excel.hint')} />
          <Button
            icon={<DownloadOutlined aria-hidden />}
            data-testid={`template-${kind}`}
            disabled={busy}
            onClick={() => void run(() => excelApi.template(kind))}
          >
            {t('excel.template')}
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            data-testid="import-file"
            fileList={file ? [{ uid: 'picked', name: file.name, status: 'done' }] : []}
            onRemove={() => setFile(null)}
            beforeUpload={(f) => {
              if (!/\.xlsx$/i.test(f.name)) {
                void message.error(t('excel.onlyXlsx'));
                return Upload.LIST_IGNORE;
              }
              setFile(f);
              // Nothing is uploaded here: the file goes up as the raw body when the import starts.
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{t('excel.pick')}</p>
          </Upload.Dragger>
        </Space>
      )}
    </Modal>
  );
}

function JobProgress({ kind, job }: { kind: ExcelKind; job: ImportJob }) {
  const { t } = useTranslation();
  const done = finished(job);
  const percent =
    job.total > 0 ? Math.floor((job.processed / job.total) * 100) : job.status === 'done' ? 100 : 0;
  const rows = job.errors.map((e, i) => ({ ...e, key: i }));
  return (
    <>
      <div data-testid="import-progress" data-status={job.status}>
        <Flex justify="space-between" align="center" gap="small" wrap>
          <Typography.Text strong>{job.fileName}</Typography.Text>
          <Tag color={STATUS_COLOURS[job.status]} data-testid="import-status">
            {t(`excel.statuses.${job.status}`)}
          </Tag>
        </Flex>
        <Progress
          percent={percent}
          status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
        />
        <Typography.Text type="secondary">
          {t('excel.processed', { processed: job.processed, total: job.total })}
        </Typography.Text>
        <Flex gap={48} style={{ margin: '12px 0' }}>
          <Statistic
            title={t('excel.imported')}
            value={job.imported}
            data-testid="import-imported"
            data-count={job.imported}
          />
          <Statistic
            title={t('excel.failed')}
            value={job.failed}
            data-testid="import-failed"
            data-count={job.failed}
            styles={{ content: job.failed > 0 ? { color: '#cf1322' } : undefined }}
          />
        </Flex>
        {job.status === 'failed' && job.message && (
          <Alert
            type="error"
            showIcon
            data-testid="import-message"
            title={importJobMessage(t, job.message)}
          />
        )}
        {job.status === 'done' && (
          <Alert
            type={job.failed > 0 ? 'warning' : 'success'}
            showIcon
            title={t('excel.doneSummary', { imported: job.imported, failed: job.failed })}
          />
        )}
        {!done && <Alert type="info" showIcon title={t('excel.runningHint')} />}
      </div>
      {rows.length > 0 && (
        <Table<ImportRowError & { key: number }>
          data-testid="import-errors"
          style={{ marginTop: 16 }}
          title={() => t('excel.errors')}
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('excel.row'), dataIndex: 'row', key: 'row', width: 80 },
            {
              title: t('excel.field'),
              dataIndex: 'field',
              key: 'field',
              width: 160,
              render: (f: string) => <span data-field={f}>{importFieldLabel(t, kind, f)}</span>,
            },
            {
              title: t('excel.message'),
              dataIndex: 'message',
              key: 'message',
              render: (m: string) => importCellMessage(t, m),
            },
          ]}
        />
      )}
    </>
  );
}
