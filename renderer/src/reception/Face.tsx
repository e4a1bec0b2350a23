/** A drawn face for the five-step rating (1 = very unhappy … 5 = very happy); no emoji font needed. */
export const RATING_LEVELS = [1, 2, 3, 4, 5] as const;

const COLOURS = ['#c92a2a', '#e8590c', '#868e96', '#2b8a3e', '#087f5b'];

export function Face({ level, size = 56 }: { level: number; size?: number }) {
  const bend = (level - 3) * 6;
  return (
    <svg width={size} height={size} viewBox="0 0 48 48" aria-hidden="true" className="rating-svg">
      <circle cx="24" cy="24" r="21" fill="white" stroke={COLOURS[level - 1]} strokeWidth="3" />
      <circle cx="17" cy="19" r="2.6" fill="#212529" />
      <circle cx="31" cy="19" r="2.6" fill="#212529" />
      <path d={`M 14 ${32 - bend / 2} Q 24 ${32 + bend} 34 ${32 - bend / 2}`} fill="none" stroke="#212529" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
