/** The handler map every domain contributes a slice of; the compiler insists on all of them. */
import type { Contract } from '../../shared/contract/api-types';
import type { HandlersFor } from './router';

export type Handlers = HandlersFor<Contract>;
export type HandlersOf<C extends keyof Contract> = Pick<Handlers, C>;
