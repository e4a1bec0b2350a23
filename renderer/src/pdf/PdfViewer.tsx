/**
 * The in-app PDF viewer: pages drawn by pdf.js onto a canvas in the renderer, from bytes the core
 * sent (never a path or a URL), with page navigation and zoom. Keyboard: PageUp/PageDown (and the
 * arrow keys) change page, + and − zoom, 0 fits the width.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PDFDocumentProxy, RenderTask } from 'pdfjs-dist';
import { toLatinDigits } from '../../../shared/text/digits';
import { openPdf } from './pdfjs';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

interface Props {
  data: Uint8Array;
  /** Display name, for the accessible labels. */
  name: string;
  initialPage?: number;
  /** Prefix of the test ids (two viewers may be on one screen). */
  testId?: string;
}

export function PdfViewer({ data, name, initialPage = 1, testId = 'pdf-viewer' }: Props) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [failed, setFailed] = useState(false);
  const [page, setPage] = useState(initialPage);
  const [pageText, setPageText] = useState(String(initialPage));
  // null = fit the width of the viewer.
  const [zoom, setZoom] = useState<number | null>(null);
  const [shownScale, setShownScale] = useState(1);
  const [rendered, setRendered] = useState(0);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // pdf.js hands the buffer to its worker (detaching it): give it a copy, keep ours.
    const task = openPdf(data.slice());
    let alive = true;
    setDoc(null);
    setFailed(false);
    task.promise.then(
      (d) => {
        if (alive) setDoc(d);
      },
      () => {
        if (alive) setFailed(true);
      },
    );
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [data]);

  useEffect(() => {
    setPage(initialPage);
    setPageText(String(initialPage));
  }, [initialPage]);

  const count = doc?.numPages ?? 0;
  const current = count > 0 ? Math.min(Math.max(1, page), count) : page;

  useEffect(() => {
    if (!doc || !canvas.current || !frame.current) return;
    let task: RenderTask | null = null;
    let alive = true;
    setRendered(0);
    void doc.getPage(current).then((p) => {
      if (!alive || !canvas.current || !frame.current) return;
      const natural = p.getViewport({ scale: 1 });
      const fit = Math.max(0.25, (frame.current.clientWidth - 24) / natural.width);
      const scale = zoom ?? fit;
      setShownScale(scale);
      const viewport = p.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      const el = canvas.current;
      el.width = Math.floor(viewport.width * ratio);
      el.height = Math.floor(viewport.height * ratio);
      el.style.width = `${Math.floor(viewport.width)}px`;
      el.style.height = `${Math.floor(viewport.height)}px`;
      task = p.render({ canvas: el, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task.promise.then(
        () => {
          if (alive) setRendered(current);
        },
        () => undefined,
      );
    });
    return () => {
      alive = false;
      task?.cancel();
    };
  }, [doc, current, zoom]);

  const go = (n: number) => {
    const next = Math.min(Math.max(1, n), Math.max(1, count));
    setPage(next);
    setPageText(String(next));
  };
  const zoomBy = (direction: 1 | -1) => {
    const base = zoom ?? shownScale;
    const next = direction > 0 ? ZOOMS.find((z) => z > base + 0.01) : [...ZOOMS].reverse().find((z) => z < base - 0.01);
    if (next !== undefined) setZoom(next);
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT') return;
    const keys: Record<string, () => void> = {
      PageDown: () => go(current + 1),
      PageUp: () => go(current - 1),
      Home: () => go(1),
      End: () => go(count),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      '0': () => setZoom(null),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  if (failed) {
    return (
      <Alert color="red" role="alert" data-testid={`${testId}-error`}>
        {t('pdf.failed')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid={testId} role="region" aria-label={t('pdf.viewer', { name })} onKeyDown={onKey}>
      <Group gap="xs" justify="space-between">
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => go(current - 1)} disabled={!doc || current <= 1} data-testid={`${testId}-prev`}>
            {t('pdf.previous')}
          </Button>
          <TextInput
            size="xs"
            w={64}
            aria-label={t('pdf.page')}
            value={pageText}
            inputMode="numeric"
            onChange={(e) => setPageText(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                const n = Number(toLatinDigits(pageText.trim()));
                if (Number.isInteger(n) && n > 0) go(n);
                else setPageText(String(current));
              }
            }}
            onBlur={() => setPageText(String(current))}
            data-testid={`${testId}-page-input`}
          />
          <Text size="sm" data-testid={`${testId}-page-count`}>
            {count > 0 ? t('pdf.of', { count }) : t('pdf.loading')}
          </Text>
          <Button size="xs" variant="default" onClick={() => go(current + 1)} disabled={!doc || current >= count} data-testid={`${testId}-next`}>
            {t('pdf.next')}
          </Button>
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => zoomBy(-1)} disabled={!doc} aria-label={t('pdf.zoomOut')} data-testid={`${testId}-zoom-out`}>
            −
          </Button>
          <Text size="sm" aria-live="polite" data-testid={`${testId}-zoom`}>
            {t('pdf.zoom', { percent: Math.round(shownScale * 100) })}
          </Text>
          <Button size="xs" variant="default" onClick={() => zoomBy(1)} disabled={!doc} aria-label={t('pdf.zoomIn')} data-testid={`${testId}-zoom-in`}>
            +
          </Button>
          <Button size="xs" variant="light" onClick={() => setZoom(null)} disabled={!doc} data-testid={`${testId}-fit`}>
            {t('pdf.fitWidth')}
          </Button>
        </Group>
      </Group>
      <div ref={frame} className="pdf-frame" tabIndex={0} aria-label={t('pdf.pageOf', { page: current, count })}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={t('pdf.pageImage', { name, page: current, count })}
          data-testid={`${testId}-canvas`}
          data-page={current}
          data-rendered={rendered === current ? 'true' : 'false'}
        />
      </div>
    </Stack>
  );
}
