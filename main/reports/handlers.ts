import type { reportsContract } from '../../shared/reports/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { ReportService } from './report-service';

export function reportHandlers(service: ReportService): HandlersOf<keyof typeof reportsContract> {
  return {
    'reports:dashboard': (input) => service.dashboard(input.counterId ?? null),
    'reports:counters': () => service.counters(),
    'reports:run': (input) => service.run(input.range, input.reports ?? undefined),
    'reports:exportCsv': (input) => service.exportCsv(input.range, input.report, input.language),
    'reports:exportXlsx': (input) => service.exportXlsx(input.range, input.language),
    'reports:exportPdf': (input) => service.exportPdf(input.range),
  };
}
