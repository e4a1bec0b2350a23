/** `npm run cli -- privacy purge`: the retention purge, for the OS scheduler (prints what it did as JSON). */
import type { Core } from '../core/create-core';
import { runRetentionPurge } from './retention-purge';
import { openCliSession } from '../auth/demo-session';

export async function runPrivacyCommand(core: Core, sub: string | undefined): Promise<number> {
  if (sub !== 'purge') {
    console.error('usage: npm run cli -- privacy purge [--data DIR]');
    return 2;
  }
  const session = await openCliSession(core);
  const result = await runRetentionPurge({ ...core, attachmentFiles: core.channels.attachments }, { userId: session.user.id, counterId: session.counter.id });
  console.log(JSON.stringify(result, null, 2));
  return 0;
}
