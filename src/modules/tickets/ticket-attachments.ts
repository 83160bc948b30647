import type { Db } from '../../db/client.ts';
import { checkEvidence } from '../../domain/files/evidence.ts';
import { writeAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { assertCan, scopeFilter } from '../../platform/permissions.ts';
import type { Storage } from '../../platform/storage.ts';
import { attachmentDto, eventRows } from './ticket-dto.ts';
import * as dal from './tickets-dal.ts';
import type { Ctx } from './tickets-service.ts';

// Evidence on a ticket. The file is checked (type, size, content) before anything is stored; a
// rejected file leaves the ticket exactly as it was.

export const ticketAttachments = ({ db, storage }: { db: Db; storage: Storage }) => ({
  upload: async (ctx: Ctx, ticketId: string, file: { fileName: string; mimeType: string; data: Buffer }) => {
    assertCan(ctx.actor, 'ticket.reply');
    const ticket = await dal.findTicket(db, ticketId, scopeFilter(ctx.actor));
    if (!ticket) throw notFound('ticket', ticketId);
    if (['closed', 'cancelled'].includes(ticket.ticket.status))
      throw new AppError('invalid_state', { details: { status: ticket.ticket.status } });
    const check = checkEvidence(file);
    if (!check.ok)
      throw new AppError(check.reason === 'size' ? 'payload_too_large' : 'unsupported_media_type', {
        message: check.message,
        details: [{ field: 'file', message: check.message }],
      });
    const id = crypto.randomUUID();
    const key = `tickets/${ticketId}/${id}`;
    await storage.put(key, file.data);
    try {
      return await db.transaction(async (tx) => {
        const now = ctx.clock.now();
        const row = await dal.insertAttachment(tx, {
          id,
          ticketId,
          fileName: file.fileName.slice(0, 200),
          mimeType: check.mimeType,
          kind: check.kind,
          sizeBytes: file.data.length,
          storageKey: key,
          visibility: 'customer',
          uploadedBy: ctx.actor.userId,
          createdAt: now,
        });
        await dal.insertEvents(
          tx,
          eventRows({
            actor: ctx.actor,
            ticketId,
            at: now,
            events: [
              {
                kind: 'attachment',
                visibility: 'customer',
                body: row.fileName,
                data: { attachmentId: id, kind: check.kind, sizeBytes: row.sizeBytes },
              },
            ],
          }),
        );
        await writeAudit(tx, ctx, {
          action: 'create',
          entity: 'ticket_attachment',
          entityId: id,
          after: row,
        });
        return attachmentDto(row);
      });
    } catch (err) {
      await storage.remove(key).catch(() => {});
      throw err;
    }
  },

  open: async (ctx: Ctx, ticketId: string, attachmentId: string) => {
    assertCan(ctx.actor, 'ticket.read');
    const ticket = await dal.findTicket(db, ticketId, scopeFilter(ctx.actor));
    if (!ticket) throw notFound('ticket', ticketId);
    const a = await dal.findAttachment(db, ticketId, attachmentId);
    if (!a || (ctx.actor.scope === 'customer' && a.visibility !== 'customer'))
      throw notFound('attachment', attachmentId);
    const stream = await storage.open(a.storageKey);
    if (!stream) throw notFound('attachment', attachmentId);
    return { row: a, stream };
  },
});

export type TicketAttachments = ReturnType<typeof ticketAttachments>;
