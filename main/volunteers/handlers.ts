import type { volunteersContract } from '../../shared/volunteers/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { VolunteerService } from './volunteer-service';

export function volunteerHandlers(service: VolunteerService): HandlersOf<keyof typeof volunteersContract> {
  return {
    'volunteers:create': (input, ctx) => service.create(ctx.actor(), input),
    'volunteers:update': (input, ctx) => service.update(ctx.actor(), input.id, input.version, input.data),
    'volunteers:list': (input) => service.list(input.query, input.status),
  };
}
