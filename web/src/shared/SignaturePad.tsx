import { Button, Flex, Typography, theme } from 'antd';
import { type PointerEvent, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const HEIGHT = 180;

/**
 * FS-8: the customer signs with a finger, pen or mouse (pointer events); every stroke reports the drawing as a
 * PNG data URL, and clearing reports null. The canvas matches its on-screen width and the device pixel ratio so
 * lines stay sharp on a phone.
 */
export function SignaturePad({ onChange }: { onChange: (dataUrl: string | null) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const last = useRef<{ x: number; y: number } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 320;
    canvas.width = width * ratio;
    canvas.height = HEIGHT * ratio;
    context.scale(ratio, ratio);
    context.lineWidth = 2.2;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111';
  }, []);

  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const stroke = (to: { x: number; y: number }) => {
    const context = canvasRef.current?.getContext('2d');
    const from = last.current ?? to;
    if (context) {
      context.beginPath();
      context.moveTo(from.x, from.y);
      context.lineTo(to.x + (from === to ? 0.01 : 0), to.y);
      context.stroke();
    }
    last.current = to;
  };

  const finish = () => {
    if (!drawing.current) return;
    drawing.current = false;
    last.current = null;
    const canvas = canvasRef.current;
    if (canvas) onChange(canvas.toDataURL('image/png'));
  };

  const clear = () => {
    const canvas = canvasRef.current;
    const context = canvas?.getContext('2d');
    if (canvas && context) {
      context.save();
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.restore();
    }
    onChange(null);
  };

  return (
    <div>
      <canvas
        ref={canvasRef}
        aria-label={t('common.signHere')}
        data-testid="signature-pad"
        style={{
          display: 'block',
          width: '100%',
          height: HEIGHT,
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadius,
          background: '#fff',
          touchAction: 'none',
          cursor: 'crosshair',
        }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture?.(event.pointerId);
          drawing.current = true;
          last.current = null;
          stroke(point(event));
        }}
        onPointerMove={(event) => drawing.current && stroke(point(event))}
        onPointerUp={finish}
        onPointerCancel={finish}
        onPointerLeave={finish}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{t('common.signHere')}</Typography.Text>
        <Button size="small" onClick={clear} data-testid="signature-clear">
          {t('common.clearSignature')}
        </Button>
      </Flex>
    </div>
  );
}
