import type { callsContract } from '../../shared/calls/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { CallService } from './call-service';

export function callHandlers(service: CallService): HandlersOf<keyof typeof callsContract> {
  return {
    'calls:topics': () => service.topics(),
    'calls:setTopics': (input, ctx) => service.setTopics(ctx.actor(), input.topics),
    'calls:staff': () => service.staff(),
    'calls:lookup': (input) => service.lookup(input.phone),
    'calls:create': (input, ctx) => service.create(ctx.actor(), input),
    'calls:link': (input, ctx) => service.link(ctx.actor(), input.id, input.beneficiaryId),
    'calls:list': (input) => service.list(input),
    'calls:followUps': (input) => service.followUps(input.assigneeId),
    'calls:closeFollowUp': (input, ctx) => service.closeFollowUp(ctx.actor(), input.id, input.note ?? null),
    'calls:exportCsv': (input, ctx) => service.exportCsv(ctx.actor(), input),
  };
}
