import type { contactsContract } from '../../shared/contacts/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { ContactService } from './contact-service';

export function contactHandlers(service: ContactService): HandlersOf<keyof typeof contactsContract> {
  return {
    'contacts:create': (input, ctx) => service.create(ctx.actor(), input),
    'contacts:list': (input) => service.list(input),
    'contacts:setStatus': (input, ctx) => service.setStatus(ctx.actor(), input.id, input.status),
    'contacts:link': (input, ctx) => service.link(ctx.actor(), input.id, input.beneficiaryId),
    'contacts:prefill': (input) => service.prefill(input.id),
    'contacts:markConverted': (input, ctx) => service.markConverted(ctx.actor(), input.id, input.kind, input.targetId),
  };
}
