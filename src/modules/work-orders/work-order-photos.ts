import { checkEvidence } from '../../domain/files/evidence.ts';
import { AppError, fieldError, notFound } from '../../platform/errors.ts';
import type { Storage } from '../../platform/storage.ts';
import * as dal from './work-orders-dal.ts';
import type { Ctx, WorkOrdersService } from './work-orders-service.ts';

// Before/after photos of the job. The file is checked (type, size, content) and stored before the
// order changes; if the change fails the file is removed, so nothing is half-written.

export const workOrderPhotos = ({ orders, storage }: { orders: WorkOrdersService; storage: Storage }) => ({
  upload: async (
    ctx: Ctx,
    id: string,
    file: { phase: string | undefined; fileName: string; mimeType: string; data: Buffer },
  ) => {
    if (file.phase !== 'before' && file.phase !== 'after')
      throw fieldError('phase', 'must be before or after');
    const check = checkEvidence(file);
    if (!check.ok || check.kind !== 'photo')
      throw new AppError(
        check.ok
          ? 'unsupported_media_type'
          : check.reason === 'size'
            ? 'payload_too_large'
            : 'unsupported_media_type',
        {
          message: check.ok ? 'a photo is required' : check.message,
          details: [{ field: 'file', message: check.ok ? 'must be a photo' : check.message }],
        },
      );
    const photoId = crypto.randomUUID();
    const key = `work-orders/${id}/${photoId}`;
    await storage.put(key, file.data);
    try {
      return await orders.mutate(ctx, id, {
        permissions: ['workorder.field', 'workorder.write'],
        apply: async (tx, o, now) => {
          if (['closed', 'cancelled'].includes(o.status))
            throw new AppError('invalid_state', { details: { status: o.status } });
          await dal.insertPhoto(tx, {
            id: photoId,
            workOrderId: o.id,
            phase: file.phase!,
            fileKey: key,
            fileName: file.fileName.slice(0, 200),
            contentType: check.mimeType,
            size: file.data.length,
            createdBy: ctx.actor.userId,
            createdAt: now,
          });
          // A photo is evidence for the reporting rule, so who pays may change.
          return {
            events: [{ kind: 'photo', data: { phase: file.phase, photoId } }],
            recompute: true,
            audit: 'photo:add',
          };
        },
      });
    } catch (err) {
      await storage.remove(key).catch(() => {});
      throw err;
    }
  },

  open: async (ctx: Ctx, id: string, photoId: string) => {
    await orders.get(ctx, id);
    const { db } = orders;
    const p = await dal.findPhoto(db, id, photoId);
    const stream = p ? await storage.open(p.fileKey) : null;
    if (!p || !stream) throw notFound('photo', photoId);
    return { row: p, stream };
  },
});
