/** Time and ids are dependencies, so tests can pin them and services stay deterministic. */
import { v7 as uuidv7 } from 'uuid';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type IdGenerator = () => string;

/** UUIDv7: time-ordered, generated on the counter, no shared auto-increment key. */
export const uuidV7: IdGenerator = () => uuidv7();
