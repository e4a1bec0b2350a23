/**
 * A grid of equal columns. Mantine's SimpleGrid writes its column count into an injected <style>
 * element, which the CSP refuses; this uses static classes instead.
 */
import type { ReactNode } from 'react';

export function Columns({ cols, children, className }: { cols: 2 | 3 | 4; children: ReactNode; className?: string }) {
  return <div className={`columns columns-${cols}${className ? ` ${className}` : ''}`}>{children}</div>;
}
