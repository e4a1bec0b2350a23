import type { lettersContract } from '../../shared/letters/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { LetterService } from './letter-service';

export function letterHandlers(service: LetterService, organisation: string): HandlersOf<keyof typeof lettersContract> {
  return {
    'letters:create': (input, ctx) => service.create(ctx.actor(), input),
    'letters:update': (input, ctx) => service.update(ctx.actor(), input),
    'letters:get': (input) => service.get(input.id),
    'letters:search': (input) => service.search(input),
    'letters:exportCsv': (input, ctx) => service.exportCsv(ctx.actor(), input),
    'letters:attach': (input, ctx) => service.attach(ctx.actor(), input.letterId, input.fileName, input.dataBase64),
    'letters:preview': (input) => service.preview(input.id),
    'letters:receipt': (input, ctx) => service.receipt(ctx.actor(), input.id, organisation),
    'letters:referenceSettings': () => service.referenceSettings(),
    'letters:setReferenceSettings': (input, ctx) => service.setReferenceSettings(ctx.actor(), input),
  };
}
