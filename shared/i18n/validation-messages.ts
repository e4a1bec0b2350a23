/**
 * Validation messages, keyed. Schemas carry the key as their zod message; the router and the
 * forms both turn it into Arabic and English through this one catalogue, so the same rule
 * gives the same words on either side of the IPC boundary.
 */
import type { Bilingual } from '../errors/app-error';
import { COUNTER_VALIDATION_MESSAGES } from '../requests/validation-messages';
import { PRINTING_VALIDATION_MESSAGES } from '../printing/validation-messages';
import { REPORTS_VALIDATION_MESSAGES } from '../reports/validation-messages';
import { PASSWORD_MESSAGES } from '../auth/password-rules';
import { PASSPHRASE_MESSAGES } from '../encryption/passphrase-rules';

export const VALIDATION_MESSAGES = {
  required: { ar: 'هذا الحقل مطلوب.', en: 'This field is required.' },
  tooLong: { ar: 'النص أطول من المسموح.', en: 'The text is too long.' },
  invalid: { ar: 'القيمة غير صحيحة.', en: 'The value is not valid.' },
  'nationalId.length': { ar: 'رقم الهوية يجب أن يكون ١٠ أرقام.', en: 'The ID number must have 10 digits.' },
  'nationalId.prefix': {
    ar: 'رقم الهوية يبدأ بـ ١ للمواطن أو ٢ للمقيم.',
    en: 'The ID number starts with 1 (citizen) or 2 (resident).',
  },
  'nationalId.checksum': {
    ar: 'رقم الهوية غير صحيح: خانة التحقق لا تطابق. راجع الأرقام.',
    en: 'The ID number is not valid: its check digit does not match. Check the digits.',
  },
  'nationalId.kindMismatch': {
    ar: 'نوع الهوية لا يطابق الرقم: الهوية الوطنية تبدأ بـ ١ والإقامة تبدأ بـ ٢.',
    en: 'The ID type does not match the number: national IDs start with 1, Iqamas with 2.',
  },
  'idNumber.format': { ar: 'رقم الوثيقة غير صحيح.', en: 'The document number is not valid.' },
  'mobile.invalid': {
    ar: 'رقم الجوال غير صحيح. اكتبه هكذا: 05XXXXXXXX.',
    en: 'The mobile number is not valid. Write it as 05XXXXXXXX.',
  },
  'iban.invalid': {
    ar: 'رقم الآيبان غير صحيح: يبدأ بـ SA ويتكون من ٢٤ خانة.',
    en: 'The IBAN is not valid: it starts with SA and has 24 characters.',
  },
  'date.invalid': { ar: 'التاريخ غير صحيح.', en: 'The date is not valid.' },
  'date.future': { ar: 'التاريخ في المستقبل.', en: 'The date is in the future.' },
  'name.arabic': { ar: 'اكتب الاسم بالحروف العربية.', en: 'Write the name in Arabic letters.' },
  'income.invalid': { ar: 'الدخل الشهري رقم موجب بالريال.', en: 'Monthly income is a positive amount in riyals.' },
  'phone.invalid': { ar: 'رقم الهاتف غير صحيح. اكتبه هكذا: 05XXXXXXXX أو 01XXXXXXX.', en: 'The phone number is not valid. Write it as 05XXXXXXXX or 01XXXXXXX.' },
  'letters.pattern': { ar: 'النمط يجب أن يحوي {year} و{counter} و{seq} مرة واحدة لكل منها.', en: 'The pattern must contain {year}, {counter} and {seq} once each.' },
  'letters.marksEqual': { ar: 'رمز الوارد ورمز الصادر يجب أن يختلفا.', en: 'The incoming and outgoing marks must differ.' },
  'attachment.tooLarge': { ar: 'الملف أكبر من الحد المسموح.', en: 'The file is larger than the limit.' },
  'settings.licence': { ar: 'رقم الترخيص أرقام فقط.', en: 'The licence number is digits only.' },
  'settings.counterCode': {
    ar: 'رمز الكاونتر حرف لاتيني ثم حرف أو رقم (٢–٦ خانات)، مثل K01.',
    en: 'A counter code is a Latin letter then letters or digits (2–6 characters), e.g. K01.',
  },
  'query.short': { ar: 'اكتب حرفين على الأقل للبحث.', en: 'Type at least two characters to search.' },
  ...COUNTER_VALIDATION_MESSAGES,
  ...PRINTING_VALIDATION_MESSAGES,
  ...REPORTS_VALIDATION_MESSAGES,
  ...PASSWORD_MESSAGES,
  ...PASSPHRASE_MESSAGES,
} satisfies Record<string, Bilingual>;

export type ValidationMessageKey = keyof typeof VALIDATION_MESSAGES;

export function validationMessage(key: string): Bilingual {
  return (VALIDATION_MESSAGES as Record<string, Bilingual>)[key] ?? VALIDATION_MESSAGES.invalid;
}

/** The message key of one zod issue: our own key, or `required` for a missing value. */
export function issueMessageKey(issue: { code: string; message: string }): string {
  if (issue.message in VALIDATION_MESSAGES) return issue.message;
  if (issue.code === 'invalid_type' && /received undefined|received null/.test(issue.message)) return 'required';
  return 'invalid';
}
