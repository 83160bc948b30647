import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Access } from '../../platform/http.ts';
import { authed } from '../../platform/http.ts';
import { ErrorBody, errorResponses, IdParams } from '../../platform/schemas.ts';
import { type PdfRenderer, pdfRenderer } from './pdf-renderer.ts';
import type { PrintService } from './print-service.ts';
import type { PrintedForm } from './print-types.ts';

// Printable forms: HTML by default (the browser's print button prints it or saves it as PDF);
// `?format=pdf` renders the same page to PDF on the server. Access is checked again in the services
// the forms read through (work orders by `workorder.read` scope or the engineer's own orders).

const FormatQuery = Type.Object(
  { format: Type.Optional(Type.Union([Type.Literal('html'), Type.Literal('pdf')])) },
  { additionalProperties: false },
);

const responses = {
  200: {
    description: 'The form as HTML (text/html), or as PDF (application/pdf) with ?format=pdf',
    content: {
      'text/html': { schema: Type.String() },
      'application/pdf': { schema: Type.String({ format: 'binary' }) },
    },
  },
  ...errorResponses,
  503: ErrorBody,
};

// The forms hold customer data: never cached; the page runs only its own inline print button.
const CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** RFC 6266/5987: an ASCII fallback name plus the UTF-8 Chinese one. */
export const contentDisposition = (form: PrintedForm) => {
  const name = `${form.title}-${form.number}.pdf`;
  const ascii = `${form.number.replace(/[^\w.-]+/g, '_')}.pdf`;
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
};

export const printRoutes = (
  fastify: FastifyInstance,
  { print, renderer = pdfRenderer({ log: fastify.log }) }: { print: PrintService; renderer?: PdfRenderer },
) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['print'];
  fastify.addHook('onClose', async () => renderer.close());

  const send = async (reply: FastifyReply, form: PrintedForm, format: 'html' | 'pdf' | undefined) => {
    // Same-origin framing as the form's own CSP allows (the global header says DENY).
    reply.header('cache-control', 'no-store').header('x-frame-options', 'SAMEORIGIN');
    if (format === 'pdf') {
      const pdf = await renderer.render(form.html);
      return reply.type('application/pdf').header('content-disposition', contentDisposition(form)).send(pdf);
    }
    return reply.type('text/html; charset=utf-8').header('content-security-policy', CSP).send(form.html);
  };

  const route = (
    path: string,
    access: Access,
    load: (ctx: ReturnType<typeof authed>, id: string) => Promise<PrintedForm>,
  ) =>
    app.get(
      path,
      {
        config: { access },
        schema: { tags, params: IdParams, querystring: FormatQuery, response: responses },
      },
      async (req, reply) => send(reply, await load(authed(req), req.params.id), req.query.format),
    );

  // Work-order forms: reading is checked in the service (`workorder.read` scope or `workorder.field` own orders).
  route('/api/work-orders/:id/print/service-notice', 'authenticated', print.serviceNotice);
  route('/api/work-orders/:id/print/repair-record', 'authenticated', print.repairRecord);
  route('/api/work-orders/:id/print/service-sheet', 'authenticated', print.serviceSheet);
  route('/api/work-orders/:id/print/major-fault', 'authenticated', print.majorFault);
  route('/api/assets/:id/print/history-card', 'asset.read', print.historyCard);
  route('/api/tickets/:id/print/out-of-warranty-parts', 'ticket.read', print.outOfWarrantyParts);
};
