import type { walkInsContract } from '../../shared/walk-ins/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { QueueService } from './queue-service';
import type { VisitService } from './visit-service';

export function walkInHandlers(queue: QueueService, visits: VisitService): HandlersOf<keyof typeof walkInsContract> {
  return {
    'walkIns:services': () => queue.services(),
    'walkIns:queue': (_input, ctx) => queue.today(ctx.actor()),
    'walkIns:takeTicket': (input, ctx) => queue.take(ctx.actor(), input.serviceKey),
    'walkIns:callNext': (input, ctx) => queue.callNext(ctx.actor(), input.serviceKey ?? null),
    'walkIns:noShow': (input, ctx) => queue.noShow(ctx.actor(), input.ticketId),
    'walkIns:openVisit': (input, ctx) => visits.open(ctx.actor(), input),
    'walkIns:getVisit': (input) => visits.get(input.id),
    'walkIns:saveVisit': (input, ctx) => visits.save(ctx.actor(), input.id, input.version, input.data),
    'walkIns:endVisit': (input, ctx) => visits.end(ctx.actor(), input.id),
    'walkIns:forBeneficiary': (input) => visits.forBeneficiary(input.beneficiaryId),
    'walkIns:researchers': () => visits.researchers(),
    'walkIns:refer': (input, ctx) => visits.refer(ctx.actor(), input),
    'walkIns:referrals': (input) => visits.referrals(input.status),
    'walkIns:answerReferral': (input, ctx) => visits.answerReferral(ctx.actor(), input.id, input.answer),
    'walkIns:askRating': (input, ctx) => visits.askRating(ctx.actor(), input.visitId),
    'walkIns:customerDisplay': (_input, ctx) => visits.customerDisplay(ctx.actor()),
    'walkIns:rate': (input, ctx) => visits.rate(ctx.actor(), input),
  };
}
