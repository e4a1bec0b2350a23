import type { libraryContract } from '../../shared/library/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { LibraryService } from './library-service';

export function libraryHandlers(service: LibraryService): HandlersOf<keyof typeof libraryContract> {
  return {
    'library:list': (input) => service.list(input.includeRetired),
    'library:get': (input) => service.get(input.id),
    'library:open': (input) => service.open(input.versionId),
    'library:search': (input) => service.search(input.query, input.limit),
    'library:create': (input, ctx) => service.create(ctx.actor(), input),
    'library:addVersion': (input, ctx) => service.addVersion(ctx.actor(), input),
    'library:retire': (input, ctx) => service.setRetired(ctx.actor(), input.id, input.retired),
  };
}
