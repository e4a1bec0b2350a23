/**
 * Errors cross the IPC boundary as plain values (never thrown stack traces): a code the program
 * can branch on and a message in both languages the user can read.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'NOT_SIGNED_IN'
  | 'UNKNOWN_CHANNEL'
  | 'UNTRUSTED_SENDER'
  | 'NOT_FOUND'
  | 'DUPLICATE'
  | 'CONFLICT'
  | 'INTERNAL';

export interface Bilingual {
  ar: string;
  en: string;
}

export interface FieldIssue {
  /** Dotted path of the field inside the input, e.g. `name.first` or `household.0.nationalId`. */
  path: string;
  message: Bilingual;
}

export interface AppErrorPayload {
  code: ErrorCode;
  message: Bilingual;
  fields?: FieldIssue[];
  /** Extra machine-readable facts, e.g. the id of the existing record behind a duplicate. */
  details?: Record<string, string>;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly bilingual: Bilingual,
    readonly fields?: FieldIssue[],
    readonly details?: Record<string, string>,
  ) {
    super(bilingual.en);
    this.name = 'AppError';
  }

  toPayload(): AppErrorPayload {
    const payload: AppErrorPayload = { code: this.code, message: this.bilingual };
    if (this.fields) payload.fields = this.fields;
    if (this.details) payload.details = this.details;
    return payload;
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorPayload };

export const GENERIC_MESSAGES = {
  VALIDATION: { ar: 'بعض البيانات المدخلة غير صحيحة.', en: 'Some of the entered data is not valid.' },
  FORBIDDEN: { ar: 'لا تملك صلاحية تنفيذ هذا الإجراء.', en: 'You are not allowed to do this.' },
  NOT_SIGNED_IN: { ar: 'يجب تسجيل الدخول أولاً.', en: 'Please sign in first.' },
  UNKNOWN_CHANNEL: { ar: 'طلب غير معروف.', en: 'Unknown request.' },
  UNTRUSTED_SENDER: { ar: 'مصدر الطلب غير موثوق.', en: 'The request came from an untrusted source.' },
  NOT_FOUND: { ar: 'السجل غير موجود.', en: 'The record was not found.' },
  DUPLICATE: { ar: 'السجل موجود مسبقاً.', en: 'The record already exists.' },
  CONFLICT: { ar: 'تعارض مع تعديل آخر.', en: 'This conflicts with another change.' },
  INTERNAL: {
    ar: 'حدث خطأ غير متوقع. لم يُفقد شيء مما أدخلته، حاول مرة أخرى.',
    en: 'Something unexpected went wrong. Nothing you entered was lost; please try again.',
  },
} satisfies Record<ErrorCode, Bilingual>;
