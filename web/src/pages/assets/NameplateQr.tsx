import { PrinterOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../../api/catalog';
import type { Asset } from '../../api/catalog-types';

// Only the label goes to paper: everything else on the page (and the modal's frame) is hidden.
const PRINT_CSS = `
@media print {
  body * { visibility: hidden !important; }
  .nameplate-qr, .nameplate-qr * { visibility: visible !important; }
  .nameplate-qr { position: fixed; left: 0; top: 0; width: 60mm; }
  @page { margin: 8mm; }
}
`;

/**
 * 铭牌二维码: the code on the machine's nameplate. Scanning it opens the portal's report form with
 * this machine already chosen, so a customer can report a fault standing next to it.
 */
export function NameplateQr({ asset }: { asset: Asset }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<QrcodeOutlined aria-hidden />} data-testid="nameplate-qr" onClick={() => setOpen(true)}>
        {t('assets.qr')}
      </Button>
      <Modal
        open={open}
        title={t('assets.qr')}
        onCancel={() => setOpen(false)}
        footer={
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            {t('assets.printNow')}
          </Button>
        }
        width={360}
        destroyOnHidden
      >
        {open && <style>{PRINT_CSS}</style>}
        <Flex vertical align="center" className="nameplate-qr" data-testid="qr-label">
          <img
            src={assetsApi.qrUrl(asset.id)}
            alt={t('assets.qr')}
            width={220}
            height={220}
            style={{ imageRendering: 'pixelated' }}
            data-testid="qr-image"
          />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {asset.serialNo}
          </Typography.Text>
          <Typography.Text type="secondary">
            {asset.modelCode} {asset.modelName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assets.qrHint')}
          </Typography.Text>
        </Flex>
      </Modal>
    </>
  );
}
