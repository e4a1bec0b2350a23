import type { printingContract } from '../../shared/printing/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { PrintingService } from './printing-service';

export function printingHandlers(printing: PrintingService): HandlersOf<keyof typeof printingContract> {
  return {
    'printing:printers': async (_input, ctx) => printing.printers.state(ctx.actor().counterId),
    'printing:savePrinter': (input, ctx) => printing.printers.save(ctx.actor(), input.id, input.printer),
    'printing:removePrinter': async (input, ctx) => ({ removed: await printing.printers.remove(ctx.actor(), input.id) }),
    'printing:setDefault': (input, ctx) => printing.printers.setDefault(ctx.actor(), input.kind, input.printerId),
    'printing:testPrint': (input, ctx) => printing.testPrint(ctx.actor(), input.printerId),
    'printing:print': (input, ctx) => printing.printRecord(ctx.actor(), input.kind, input.recordId, input.printerId),
    'printing:reprint': (input, ctx) => printing.reprint(ctx.actor(), input.jobId, input.printerId),
    'printing:job': (input) => printing.job(input.jobId),
    'printing:retry': (input) => printing.retry(input.jobId),
    'printing:jobs': (input) => printing.jobs(input.limit),
  };
}
