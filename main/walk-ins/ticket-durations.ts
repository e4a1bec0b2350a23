/**
 * The waiting and service time of a queue ticket, stored on it when it is called and when it is
 * finished (migration 0009), so reports read an indexed number. Whole milliseconds between the two
 * ISO instants the ticket already holds, so the stored value always equals what its timestamps give.
 */
export function durationMs(from: string, to: string): number {
  return Date.parse(to) - Date.parse(from);
}
