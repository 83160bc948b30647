import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { workOrdersApi } from '../../api/field';
import type { WorkOrder } from '../../api/field-types';
import { useApiErrorHandler } from '../../lib/errors';
import { useWorkOrderChanged } from '../../lib/field-lookups';
import { formatTime } from '../../lib/time';
import { ChargesSummary } from '../work-orders/ChargesTable';
import { SignatureField, type SignatureHandle } from '../work-orders/SignatureField';

/**
 * 客户签字 on the phone: the customer first sees every charge and who pays it, then signs with a
 * finger and the engineer types the signer's name. The PNG goes to the server with the order.
 */
export function MobileSign({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const changed = useWorkOrderChanged();
  const pad = useRef<SignatureHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [signer, setSigner] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);

  if (order.hasSignature)
    return (
      <Card title={t('mobile.sign')} data-testid="m-signed">
        <Typography.Paragraph strong style={{ fontSize: 16 }}>
          {t('mobile.signed')}：{order.signedBy} · {formatTime(order.signedAt)}
        </Typography.Paragraph>
        <img
          src={workOrdersApi.signatureUrl(order.id, order.version)}
          alt={t('signature.image')}
          style={{ width: '100%', background: '#fff', borderRadius: 8 }}
        />
      </Card>
    );

  const confirm = async () => {
    if (!pad.current || pad.current.isEmpty()) {
      void message.warning(t('mobile.drawFirst'));
      return;
    }
    if (!signer.trim()) {
      void message.warning(`${t('mobile.signer')}：${t('users.required')}`);
      return;
    }
    setBusy(true);
    try {
      const next = await workOrdersApi.sign(order.id, {
        version: order.version,
        signedBy: signer.trim(),
        image: pad.current.toDataUrl(),
        comment: comment.trim() || null,
      });
      changed(order.id, next);
      void message.success(t('mobile.signed'));
    } catch (err) {
      handleError(err, { onConflict: () => changed(order.id) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Card title={t('mobile.summary')} style={{ marginBottom: 12 }} data-testid="m-charges">
        <ChargesSummary charges={order.charges} />
      </Card>
      <Card title={t('mobile.sign')} data-testid="m-sign">
        <SignatureField ref={pad} onChange={setEmpty} height={240} />
        <Flex vertical gap={12} style={{ marginTop: 12 }}>
          <div>
            <label htmlFor="m-sign-name" style={{ display: 'block', marginBottom: 6 }}>
              {t('mobile.signer')}
            </label>
            <Input
              id="m-sign-name"
              size="large"
              value={signer}
              maxLength={100}
              onChange={(e) => setSigner(e.target.value)}
              data-testid="sign-name"
              autoComplete="off"
            />
          </div>
          <div>
            <label htmlFor="m-sign-comment" style={{ display: 'block', marginBottom: 6 }}>
              {t('mobile.comment')}
            </label>
            <Input.TextArea
              id="m-sign-comment"
              rows={2}
              value={comment}
              maxLength={1000}
              onChange={(e) => setComment(e.target.value)}
              data-testid="sign-comment"
              style={{ fontSize: 16 }}
            />
          </div>
          <Button
            type="primary"
            size="large"
            block
            disabled={busy || empty || !signer.trim()}
            onClick={() => void confirm()}
            data-testid="sign-confirm"
            style={{ height: 56, fontSize: 18 }}
          >
            {t('mobile.confirm')}
          </Button>
        </Flex>
      </Card>
    </>
  );
}
