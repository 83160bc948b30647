import { FileOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Image, Space, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { Ticket, TicketAttachment } from '../../api/ticket-types';
import { ticketsApi } from '../../api/tickets';
import { errorText } from '../../lib/errors';
import { useCan } from '../../lib/session';
import { TICKETS } from '../../lib/ticket-lookups';
import { isOpen } from './common';

// What the server accepts (it checks type, size and content itself; this only steers the file picker).
export const ACCEPT = 'image/*,video/mp4,video/webm,video/quicktime,.pdf,.xlsx,.docx,.txt,.csv,.zip';

/** 413/415 carry the server's reason per file ("image larger than 10 MB"); say which limit it was. */
export function attachmentError(t: TFunction, err: unknown): string {
  if (err instanceof ApiError && (err.status === 413 || err.status === 415)) {
    const why = err.fieldErrors.map((f) => f.message).join('；') || err.message;
    return `${t(err.status === 413 ? 'attachments.tooLarge' : 'attachments.badType')}：${why}`;
  }
  return errorText(t, err);
}

/** Uploads one by one; a rejected file does not stop the others. Returns the rejections. */
export async function uploadFiles(
  t: TFunction,
  ticketId: string,
  files: File[],
): Promise<{ name: string; reason: string }[]> {
  const failed: { name: string; reason: string }[] = [];
  for (const file of files) {
    try {
      await ticketsApi.upload(ticketId, file);
    } catch (err) {
      failed.push({ name: file.name, reason: attachmentError(t, err) });
    }
  }
  return failed;
}

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

/** Photos as thumbnails (click to enlarge), videos and documents as links, plus an upload button. */
export function TicketAttachments({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const can = useCan();
  const { id: ticketId, attachments } = ticket;
  // Closed and cancelled tickets take no more files (the server refuses them too).
  const canUpload = can('ticket.reply') && isOpen(ticket);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(0);
  const photos = attachments.filter((a) => a.kind === 'photo');
  const others = attachments.filter((a) => a.kind !== 'photo');
  const url = (a: TicketAttachment) => ticketsApi.attachmentUrl(ticketId, a.id);

  const upload = async (file: File) => {
    setUploading((n) => n + 1);
    const [failure] = await uploadFiles(t, ticketId, [file]);
    setUploading((n) => n - 1);
    if (failure) void message.error(t('attachments.rejected', failure), 8);
    else void message.success(t('attachments.uploaded', { name: file.name }));
    await queryClient.invalidateQueries({ queryKey: [TICKETS, 'detail', ticketId] });
  };

  return (
    <div data-testid="ticket-attachments">
      {attachments.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} />
      )}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Flex wrap gap={8} style={{ marginBottom: 8 }}>
            {photos.map((a) => (
              <Image
                key={a.id}
                src={url(a)}
                alt={a.fileName}
                width={96}
                height={96}
                style={{ objectFit: 'cover', borderRadius: 4 }}
                data-testid="attachment-thumb"
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      )}
      {others.map((a) => (
        <div key={a.id} data-testid="attachment-link">
          <Space size={6}>
            {a.kind === 'video' ? <VideoCameraOutlined aria-hidden /> : <FileOutlined aria-hidden />}
            <a href={url(a)} target="_blank" rel="noreferrer">
              {a.fileName}
            </a>
            <Typography.Text type="secondary">{sizeText(a.sizeBytes)}</Typography.Text>
          </Space>
        </div>
      ))}
      {canUpload && (
        <div style={{ marginTop: 8 }}>
          <Upload
            multiple
            accept={ACCEPT}
            showUploadList={false}
            customRequest={({ file }) => void upload(file as File)}
          >
            <Button
              icon={<UploadOutlined aria-hidden />}
              loading={uploading > 0}
              data-testid="upload-attachment"
            >
              {t('attachments.upload')}
            </Button>
          </Upload>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 0' }}>
            {t('attachments.limits')}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
