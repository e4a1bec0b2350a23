/**
 * A pointer signature pad on a <canvas>: pen, touch or mouse. Gives the signature as a PNG data
 * URL; empty until something has been drawn.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react';

export interface SignaturePadHandle {
  isEmpty(): boolean;
  toPng(): string;
  clear(): void;
}

export const SignaturePad = forwardRef<SignaturePadHandle, { label: string }>(function SignaturePad({ label }, ref) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useImperativeHandle(ref, () => ({
    isEmpty: () => !drawn.current,
    toPng: () => canvas.current!.toDataURL('image/png'),
    clear: () => {
      const c = canvas.current!;
      c.getContext('2d')!.clearRect(0, 0, c.width, c.height);
      drawn.current = false;
    },
  }));

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };

  return (
    <canvas
      ref={canvas}
      width={560}
      height={180}
      className="signature-pad"
      role="img"
      aria-label={label}
      data-testid="signature-pad"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drawing.current = true;
        const ctx = e.currentTarget.getContext('2d')!;
        const p = point(e);
        ctx.lineWidth = 2.5;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#10223f';
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
      }}
      onPointerMove={(e) => {
        if (!drawing.current) return;
        const ctx = e.currentTarget.getContext('2d')!;
        const p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        drawn.current = true;
      }}
      onPointerUp={() => {
        drawing.current = false;
      }}
    />
  );
});
