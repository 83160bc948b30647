import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { returnsApi } from '../../api/returns';
import { LoadFailed } from '../../components/LoadFailed';
import { useApiErrorHandler } from '../../lib/errors';
import { RETURNS } from '../../lib/return-lookups';

/** 上门取件城市: the listed cities get the 1–2-day pickup promise; the administrator keeps the list. */
export default function PickupCitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: [RETURNS, 'pickup-cities'], queryFn: () => returnsApi.pickupCities() });
  const [draft, setDraft] = useState<string[] | null>(null);
  const [saving, setSaving] = useState(false);
  if (!query.data) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  const cities = draft ?? query.data.cities;
  const save = async () => {
    setSaving(true);
    try {
      const saved = await returnsApi.setPickupCities({ cities: cities.map((c) => c.trim()).filter(Boolean) });
      queryClient.setQueryData([RETURNS, 'pickup-cities'], saved);
      setDraft(null);
      void message.success(t('rma.cities.saved', { count: saved.cities.length }));
    } catch (err) {
      handleError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={t('rma.cities.title')}>
      <Space vertical style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">{t('rma.cities.hint')}</Typography.Paragraph>
        <Select
          mode="tags"
          style={{ width: '100%' }}
          value={cities}
          onChange={(v) => setDraft(v)}
          tokenSeparators={[',', '，', '、', ' ']}
          open={false}
          aria-label={t('rma.cities.title')}
          data-testid="pickup-cities"
        />
        <Typography.Text type="secondary">{t('common.total', { total: cities.length })}</Typography.Text>
        <Button
          type="primary"
          loading={saving}
          disabled={draft === null}
          onClick={() => void save()}
          data-testid="pickup-cities-save"
        >
          {t('rma.cities.save')}
        </Button>
      </Space>
    </Card>
  );
}
