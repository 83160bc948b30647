import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Image, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { attachmentError } from '../tickets/TicketAttachments';

const PHASES = ['before', 'after'] as const;
type Phase = (typeof PHASES)[number];

/** One phase's button: on a phone `capture` opens the rear camera, on a desktop the file picker. */
function PhaseUpload({ order, phase, large }: { order: WorkOrder; phase: Phase; large: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const changed = useWorkOrderChanged();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      for (const file of Array.from(files)) {
        try {
          await workOrdersApi.uploadPhoto(order.id, phase, file);
        } catch (err) {
          void message.error(`${file.name}：${attachmentError(t, err)}`, 8);
        }
      }
      void message.success(t('photos.uploaded'));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
      changed(order.id);
    }
  };

  const phaseName = t(`field.phases.${phase}`);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        data-testid={`photo-input-${phase}`}
        onChange={(e) => void upload(e.target.files)}
      />
      <Button
        icon={<CameraOutlined aria-hidden />}
        loading={busy}
        size={large ? 'large' : 'middle'}
        block={large}
        style={large ? { height: 52, fontSize: 16 } : undefined}
        data-testid={`photo-upload-${phase}`}
        onClick={() => input.current?.click()}
      >
        {large ? t('photos.take', { phase: phaseName }) : t('photos.upload', { phase: phaseName })}
      </Button>
    </>
  );
}

/** 现场照片: before and after the repair, as thumbnails that open full size. */
export function PhotosPanel({
  order,
  large = false,
  canUpload = true,
}: {
  order: WorkOrder;
  large?: boolean;
  canUpload?: boolean;
}) {
  const { t } = useTranslation();
  const size = large ? 88 : 96;
  const open = !['closed', 'cancelled'].includes(order.status);
  return (
    <div data-testid="wo-photos">
      {order.photos.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.empty')} />
      )}
      <Image.PreviewGroup>
        {PHASES.map((phase) => {
          const photos = order.photos.filter((p) => p.phase === phase);
          if (photos.length === 0) return null;
          return (
            <div key={phase} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{t(`field.phases.${phase}`)}</Typography.Text>
              <Flex wrap gap={8} style={{ marginTop: 4 }}>
                {photos.map((p) => (
                  <Image
                    key={p.id}
                    src={workOrdersApi.photoUrl(order.id, p.id)}
                    alt={p.fileName}
                    width={size}
                    height={size}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                    data-testid="wo-photo"
                    data-phase={phase}
                  />
                ))}
              </Flex>
            </div>
          );
        })}
      </Image.PreviewGroup>
      {canUpload && open && (
        <Space vertical={large} wrap style={large ? { width: '100%' } : undefined}>
          {PHASES.map((phase) => (
            <PhaseUpload key={phase} order={order} phase={phase} large={large} />
          ))}
        </Space>
      )}
    </div>
  );
}
