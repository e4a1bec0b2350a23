/** pino-roll ships no types; this is the part of its API we use (see its README). */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface RollOptions {
    file: string | (() => string);
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    mkdir?: boolean;
    limit?: { count?: number; removeOtherLogFiles?: boolean };
    dateFormat?: string;
    extension?: string;
    sync?: boolean;
  }
  export default function build(options: RollOptions): Promise<DestinationStream & { flushSync(): void; end(): void }>;
}
