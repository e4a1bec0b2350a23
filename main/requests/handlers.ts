import type { requestsContract } from '../../shared/requests/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { RequestService } from './request-service';
import type { RequestConfigService } from './config-service';

export function requestHandlers(requests: RequestService, config: RequestConfigService): HandlersOf<keyof typeof requestsContract> {
  return {
    'requests:types': () => config.types(),
    'requests:saveType': (input, ctx) => config.saveType(ctx.actor(), input),
    'requests:declaration': () => config.declaration(),
    'requests:declarationHistory': () => config.declarationHistory(),
    'requests:saveDeclaration': (input, ctx) => config.saveDeclaration(ctx.actor(), input.textAr),
    'requests:createDraft': (input, ctx) => requests.createDraft(ctx.actor(), input),
    'requests:updateDraft': (input, ctx) => requests.updateDraft(ctx.actor(), input.id, input.version, input.data),
    'requests:get': (input) => requests.get(input.id),
    'requests:verifyItem': (input, ctx) => requests.verifyItem(ctx.actor(), input),
    'requests:sign': (input, ctx) => requests.sign(ctx.actor(), input),
    'requests:submit': (input, ctx) => requests.submit(ctx.actor(), input.id, input.version),
    'requests:list': (input) => requests.list(input.statuses),
    'requests:forBeneficiary': (input) => requests.forBeneficiary(input.beneficiaryId),
    'requests:decide': (input, ctx) => requests.decide(ctx.actor(), input),
    'requests:deliver': (input, ctx) => requests.deliver(ctx.actor(), input),
    'requests:close': (input, ctx) => requests.close(ctx.actor(), input.id),
  };
}
