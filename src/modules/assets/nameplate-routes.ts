import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { authed } from '../../platform/http.ts';
import { IdParams } from '../../platform/schemas.ts';
import type { AssetsService } from './assets-service.ts';

/**
 * The nameplate QR code (铭牌二维码): it opens the customer portal's report form for this serial number,
 * so a user standing at the machine reports a fault without looking anything up.
 */
export const nameplateRoutes = (
  app: FastifyInstance,
  { assets, publicUrl }: { assets: AssetsService; publicUrl: string },
) => {
  app.get<{ Params: { id: string } }>(
    '/api/assets/:id/qr',
    { config: { access: 'asset.read' }, schema: { tags: ['assets'], params: IdParams } },
    async (req, reply) => {
      const asset = await assets.get(authed(req), req.params.id);
      const url = `${publicUrl}/portal/report?sn=${encodeURIComponent(asset.serialNo)}`;
      const png = await QRCode.toBuffer(url, {
        type: 'png',
        width: 320,
        margin: 2,
        errorCorrectionLevel: 'M',
      });
      return reply.header('content-type', 'image/png').header('x-qr-url', encodeURI(url)).send(png);
    },
  );
};
