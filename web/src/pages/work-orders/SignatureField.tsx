import { Button, Flex, Typography, theme } from 'antd';
import { type Ref, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad from 'signature_pad';

export interface SignatureHandle {
  isEmpty: () => boolean;
  /** The drawing as a PNG data URL, what the signature endpoint stores. */
  toDataUrl: () => string;
  clear: () => void;
}

/**
 * 客户签字: a finger or mouse draws on a canvas (signature_pad smooths the strokes). The canvas is
 * sized to its box in device pixels so the line stays sharp on phones; a rotation redraws the strokes.
 */
export function SignatureField({
  ref,
  onChange,
  height = 220,
}: {
  ref?: Ref<SignatureHandle>;
  onChange?: (empty: boolean) => void;
  height?: number;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#1d1d1f', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const data = pad.toData();
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      pad.fromData(data);
    };
    fit();
    const ended = () => onChangeRef.current?.(pad.isEmpty());
    pad.addEventListener('endStroke', ended);
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', ended);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    onChangeRef.current?.(true);
  };

  useImperativeHandle(ref, () => ({
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    toDataUrl: () => padRef.current?.toDataURL('image/png') ?? '',
    clear,
  }));

  return (
    <div>
      <canvas
        ref={canvasRef}
        data-testid="signature-canvas"
        aria-label={t('mobile.signHere')}
        style={{
          width: '100%',
          height,
          display: 'block',
          touchAction: 'none',
          background: '#fff',
          border: `2px dashed ${token.colorBorder}`,
          borderRadius: 8,
        }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('mobile.signHere')}</Typography.Text>
        <Button onClick={clear} data-testid="signature-clear" style={{ minHeight: 44 }}>
          {t('mobile.clear')}
        </Button>
      </Flex>
    </div>
  );
}
