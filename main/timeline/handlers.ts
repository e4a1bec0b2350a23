import type { timelineContract } from '../../shared/timeline/contract';
import type { HandlersOf } from '../ipc/handlers';
import type { TimelineRegistry } from './timeline-registry';

export function timelineHandlers(registry: TimelineRegistry): HandlersOf<keyof typeof timelineContract> {
  return {
    'timeline:forBeneficiary': (input) => registry.forBeneficiary(input.beneficiaryId, input.kinds, input.limit),
  };
}
