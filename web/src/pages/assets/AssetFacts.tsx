import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Asset } from '../../api/catalog-types';
import { policyLabel, useAttachmentLabel, usePolicy } from '../../lib/catalog-lookups';
import { formatHours, formatHoursLimit } from '../../lib/format';
import { useDealerOptions } from '../../lib/lookups';
import { useCan } from '../../lib/session';
import { formatDate } from '../../lib/time';

/** The header of the service history card; `print` drops links and uses a fixed grid for paper. */
export function AssetFacts({ asset, print = false }: { asset: Asset; print?: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const attachmentLabel = useAttachmentLabel();
  const dealers = useDealerOptions(can('org.read'));
  const policy = usePolicy(can('product.read') ? asset.warrantyPolicyId : null).data;
  const special = asset.specialTerms;

  const customer =
    !print && can('customer.read') ? (
      <Link to={`/customers/${asset.customerId}`}>{asset.customerName}</Link>
    ) : (
      asset.customerName
    );
  const flags = [
    asset.specialPrice && <Tag key="sp">{t('assets.specialPrice')}</Tag>,
    asset.secondHand && <Tag key="sh">{t('assets.secondHand')}</Tag>,
  ].filter(Boolean);

  return (
    <Descriptions
      bordered
      size="small"
      data-testid="asset-facts"
      column={print ? 3 : { xs: 1, md: 2, xl: 3 }}
      items={[
        {
          key: 'serialNo',
          label: t('assets.serialNo'),
          children: <b data-testid="asset-serial">{asset.serialNo}</b>,
        },
        { key: 'model', label: t('assets.model'), children: `${asset.modelCode} ${asset.modelName}` },
        { key: 'customer', label: t('assets.customer'), children: customer },
        {
          key: 'dealer',
          label: t('assets.dealer'),
          children: asset.dealerId ? (dealers.byId.get(asset.dealerId) ?? '') : '',
        },
        { key: 'policy', label: t('assets.policy'), children: policy ? policyLabel(policy) : '' },
        { key: 'plan', label: t('assets.plan'), children: asset.plan ?? '' },
        { key: 'soldAt', label: t('assets.soldAt'), children: formatDate(asset.soldAt) },
        { key: 'deliveredAt', label: t('assets.deliveredAt'), children: formatDate(asset.deliveredAt) },
        { key: 'invoiceAt', label: t('assets.invoiceAt'), children: formatDate(asset.invoiceAt) },
        { key: 'acceptedAt', label: t('assets.acceptedAt'), children: formatDate(asset.acceptedAt) },
        { key: 'completedAt', label: t('assets.completedAt'), children: formatDate(asset.completedAt) },
        {
          key: 'card',
          label: t('assets.warrantyCardReturnedAt'),
          children: formatDate(asset.warrantyCardReturnedAt),
        },
        {
          key: 'attachments',
          label: t('assets.attachments'),
          children: asset.attachments.map((a) => <Tag key={a}>{attachmentLabel(a)}</Tag>),
        },
        {
          key: 'special',
          label: t('assets.specialTerms'),
          children: special
            ? `${t('catalog.monthsN', { n: special.months })} / ${formatHoursLimit(t, special.hoursLimit)}`
            : '',
        },
        { key: 'flags', label: t('assets.flags'), children: flags },
        {
          key: 'hours',
          label: t('assets.latestHours'),
          children: (
            <Space size={4}>
              <span data-testid="asset-latest-hours">{formatHours(asset.latestHours)}</span>
              {asset.latestReadAt && <span>（{formatDate(asset.latestReadAt)}）</span>}
            </Space>
          ),
        },
        { key: 'location', label: t('assets.location'), children: asset.location ?? '' },
        { key: 'notes', label: t('assets.notes'), children: asset.notes ?? '' },
      ]}
    />
  );
}
