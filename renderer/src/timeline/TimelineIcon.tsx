/** Small inline SVG icons per timeline kind (no icon font: the CSP allows only the app's own files). */
const PATHS: Record<string, string> = {
  call: 'M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.6a1 1 0 0 1-.25 1z',
  letter: 'M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.2z',
  contact: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
  interview: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-4 0-8 2-8 5v1h16v-1c0-3-4-5-8-5z',
  request: 'M6 2h9l5 5v15H6zm8 1.5V8h4.5zM8 12h10v2H8zm0 4h10v2H8z',
  decision: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
  receipt: 'M6 2h12v20l-3-2-3 2-3-2-3 2zm2 5h8v2H8zm0 4h8v2H8z',
};

export function TimelineIcon({ kind }: { kind: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" className={`timeline-icon timeline-icon-${kind}`}>
      <path d={PATHS[kind] ?? PATHS.contact} fill="currentColor" />
    </svg>
  );
}
