/** A report range as the SQL needs it: Riyadh days for `day` columns, UTC instants for timestamps. */
import { riyadhDayRange } from '../../shared/calls/riyadh-day';
import type { ReportRange } from '../../shared/reports/schemas';

export interface Bounds {
  fromDay: string;
  toDay: string;
  /** First instant of `fromDay` in Riyadh, ISO UTC. */
  start: string;
  /** First instant after `toDay` in Riyadh, ISO UTC (exclusive). */
  end: string;
  counterId: string | null;
}

export function boundsOf(range: ReportRange): Bounds {
  return {
    fromDay: range.from,
    toDay: range.to,
    start: riyadhDayRange(range.from).start,
    end: riyadhDayRange(range.to).end,
    counterId: range.counterId,
  };
}
