/**
 * The support request's life: draft → submitted → accepted / rejected / more_info_needed →
 * (accepted) delivered → closed. One table of legal moves, read by the service before any write
 * and by the screens to decide which buttons to offer, so both refuse the same things.
 */
import type { Bilingual } from '../errors/app-error';

export const REQUEST_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'more_info_needed', 'delivered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = ['edit', 'sign', 'submit', 'accept', 'reject', 'request_info', 'deliver', 'close'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** From each status, the actions allowed and where they lead. `edit`/`sign` keep the status. */
const MOVES: Record<RequestStatus, Partial<Record<RequestAction, RequestStatus>>> = {
  draft: { edit: 'draft', sign: 'draft', submit: 'submitted' },
  submitted: { accept: 'accepted', reject: 'rejected', request_info: 'more_info_needed' },
  // The committee asked for more: the officer completes the request, it is signed again and resubmitted.
  more_info_needed: { edit: 'more_info_needed', sign: 'more_info_needed', submit: 'submitted' },
  accepted: { deliver: 'delivered' },
  rejected: { close: 'closed' },
  delivered: { close: 'closed' },
  closed: {},
};

/** The committee decision that leads from `submitted` to each outcome (accepted ← accept …), read off the moves. */
export const DECISION_FOR_OUTCOME: Readonly<Partial<Record<RequestStatus, RequestAction>>> = Object.fromEntries(
  Object.entries(MOVES.submitted).map(([action, outcome]) => [outcome, action]),
);

export const STATUS_NAMES: Record<RequestStatus, Bilingual> = {
  draft: { ar: 'مسودة', en: 'Draft' },
  submitted: { ar: 'مرفوع للجنة البحث', en: 'Submitted to the research committee' },
  accepted: { ar: 'مقبول', en: 'Accepted' },
  rejected: { ar: 'مرفوض', en: 'Rejected' },
  more_info_needed: { ar: 'يحتاج معلومات إضافية', en: 'More information needed' },
  delivered: { ar: 'تم تقديم الخدمة', en: 'Service delivered' },
  closed: { ar: 'مغلق', en: 'Closed' },
};

const ACTION_NAMES: Record<RequestAction, Bilingual> = {
  edit: { ar: 'تعديل الطلب', en: 'edit the request' },
  sign: { ar: 'توقيع الإقرار', en: 'sign the declaration' },
  submit: { ar: 'رفع الطلب للجنة', en: 'submit the request' },
  accept: { ar: 'قبول الطلب', en: 'accept the request' },
  reject: { ar: 'رفض الطلب', en: 'reject the request' },
  request_info: { ar: 'طلب معلومات إضافية', en: 'ask for more information' },
  deliver: { ar: 'تسجيل تقديم الخدمة', en: 'record the delivered service' },
  close: { ar: 'إغلاق الطلب', en: 'close the request' },
};

export type TransitionResult = { ok: true; to: RequestStatus } | { ok: false; message: Bilingual };

export function transition(from: RequestStatus, action: RequestAction): TransitionResult {
  const to = MOVES[from][action];
  if (to) return { ok: true, to };
  return {
    ok: false,
    message: {
      ar: `لا يمكن ${ACTION_NAMES[action].ar} وحالته «${STATUS_NAMES[from].ar}».`,
      en: `Cannot ${ACTION_NAMES[action].en} while it is "${STATUS_NAMES[from].en}".`,
    },
  };
}

export function allowedActions(from: RequestStatus): RequestAction[] {
  return Object.keys(MOVES[from]) as RequestAction[];
}

/** The policy: the research committee answers within no less than two weeks. */
export const MIN_DECISION_DAYS = 14;

export function earliestDecisionDate(submittedAt: Date): Date {
  return new Date(submittedAt.getTime() + MIN_DECISION_DAYS * 24 * 60 * 60 * 1000);
}

/** Whole days since submission, for the committee's SLA clock. */
export function daysSince(from: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - from.getTime()) / (24 * 60 * 60 * 1000)));
}
