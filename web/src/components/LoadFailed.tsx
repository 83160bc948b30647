import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errors';

/**
 * What a detail page shows instead of its record: a spinner while loading, "not found" for a
 * wrong or out-of-scope id (the server answers 404 for both), else the error with a retry.
 */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!error) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (error instanceof ApiError && error.status === 404) {
    return <Result status="404" title="404" subTitle={t('catalog.notFound')} />;
  }
  return (
    <Result
      status="error"
      title={errorText(t, error)}
      extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
