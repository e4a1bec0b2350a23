/**
 * The main-side router: the single door between the renderer and the core. For every call it
 * checks, in order: the channel exists, the sender is the app's own page, the session's role may
 * use the channel, the input matches its schema. Then it runs the handler and checks the output
 * against its schema too. Errors come back as typed values with Arabic and English text; stack
 * traces stay in the log. No Electron import: tests call it directly.
 */
import type { z } from 'zod';
import type { ChannelDef, ChannelMap } from '../../shared/contract/define';
import { AppError, GENERIC_MESSAGES, type FieldIssue, type Result } from '../../shared/errors/app-error';
import { issueMessageKey, validationMessage } from '../../shared/i18n/validation-messages';
import type { SessionView } from '../../shared/session/schemas';
import type { Actor } from '../core/actor';
import type { Logger } from '../core/logger';
import { isTrustedSender, type CallSource } from './sender-policy';

export interface HandlerContext {
  session: SessionView | null;
  /** The signed-in actor; throws NOT_SIGNED_IN on a public channel called before sign-in. */
  actor(): Actor;
}

export type HandlersFor<M extends ChannelMap> = {
  [C in keyof M]: M[C] extends ChannelDef<infer I, infer O>
    ? (input: z.output<I>, ctx: HandlerContext) => Promise<z.input<O>>
    : never;
};

export interface RouterDeps<M extends ChannelMap> {
  contract: M;
  handlers: HandlersFor<M>;
  currentSession: () => SessionView | null;
  trustedOrigins: readonly string[];
  logger: Logger;
  /**
   * Called after a channel that declares `readsPersonalData` succeeded and before its answer is
   * returned: the audit trail records the view. If recording fails the data is not returned.
   */
  recordView?: (view: { channel: string; input: unknown; output: unknown; session: SessionView | null }) => Promise<void>;
}

export interface Router {
  invoke(channel: string, payload: unknown, source: CallSource): Promise<Result<unknown>>;
}

export function zodIssuesToFields(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: validationMessage(issueMessageKey(issue)) }));
}

function fail(code: keyof typeof GENERIC_MESSAGES, fields?: FieldIssue[]): Result<never> {
  const error = new AppError(code, GENERIC_MESSAGES[code], fields);
  return { ok: false, error: error.toPayload() };
}

export function createRouter<M extends ChannelMap>(deps: RouterDeps<M>): Router {
  const { contract, handlers, currentSession, trustedOrigins, logger, recordView } = deps;

  return {
    async invoke(channel, payload, source) {
      if (!Object.hasOwn(contract, channel)) return fail('UNKNOWN_CHANNEL');
      const def = contract[channel as keyof M] as ChannelDef;
      if (!isTrustedSender(source, trustedOrigins)) {
        logger.warn({ channel, origin: source.senderUrl.slice(0, 100) }, 'refused call from untrusted sender');
        return fail('UNTRUSTED_SENDER');
      }
      const session = currentSession();
      if (def.access !== 'public') {
        if (!session) return fail('NOT_SIGNED_IN');
        if (!def.access.includes(session.user.role)) return fail('FORBIDDEN');
      }
      const parsed = def.input.safeParse(payload);
      if (!parsed.success) return fail('VALIDATION', zodIssuesToFields(parsed.error));

      const ctx: HandlerContext = {
        session,
        actor() {
          if (!session) throw new AppError('NOT_SIGNED_IN', GENERIC_MESSAGES.NOT_SIGNED_IN);
          return { userId: session.user.id, counterId: session.counter.id, counterCode: session.counter.code };
        },
      };
      try {
        const handler = handlers[channel as keyof M] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
        const output = await handler(parsed.data, ctx);
        const checked = def.output.safeParse(output);
        if (!checked.success) {
          logger.error({ channel, issues: checked.error.issues.map((i) => i.path.join('.')) }, 'handler output broke its schema');
          return fail('INTERNAL');
        }
        if (def.readsPersonalData && recordView) await recordView({ channel, input: parsed.data, output: checked.data, session });
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toPayload() };
        logger.error({ channel, err: error }, 'handler failed');
        return fail('INTERNAL');
      }
    },
  };
}
