/** Why a print did not happen, in words the counter staff can act on (Arabic and English). */
import type { Bilingual } from '../errors/app-error';

export const PRINT_ERROR_CODES = ['offline', 'out-of-paper', 'missing', 'interrupted', 'no-printer', 'unavailable', 'failed'] as const;
export type PrintErrorCode = (typeof PRINT_ERROR_CODES)[number];

export const PRINT_ERROR_MESSAGES: Record<PrintErrorCode, Bilingual> = {
  offline: {
    ar: 'الطابعة غير متصلة. تأكد من تشغيلها ومن كابل الشبكة ثم اضغط «إعادة المحاولة». البيانات محفوظة.',
    en: 'The printer is offline. Check that it is on and connected, then press Retry. The record is saved.',
  },
  'out-of-paper': {
    ar: 'نفد الورق من الطابعة. ضع لفة ورق جديدة ثم اضغط «إعادة المحاولة». البيانات محفوظة.',
    en: 'The printer is out of paper. Load a new roll, then press Retry. The record is saved.',
  },
  missing: {
    ar: 'الطابعة غير موجودة على هذا الجهاز. تحقق من إعدادات الطابعات. البيانات محفوظة.',
    en: 'The printer cannot be found on this computer. Check the printer settings. The record is saved.',
  },
  interrupted: {
    ar: 'انقطع الاتصال بالطابعة أثناء الطباعة. تحقق من الورقة ثم اضغط «إعادة المحاولة» لطباعتها كاملة. البيانات محفوظة.',
    en: 'The printer disconnected while printing. Check the paper, then press Retry to print it in full. The record is saved.',
  },
  'no-printer': {
    ar: 'لم تُحدد طابعة لهذا المستند. اختر طابعة افتراضية في الإعدادات. البيانات محفوظة.',
    en: 'No printer is set for this document. Choose a default printer in Settings. The record is saved.',
  },
  unavailable: {
    ar: 'طباعة ملفات PDF على طابعات النظام متاحة في تطبيق سطح المكتب فقط.',
    en: 'Printing PDFs on system printers is available only in the desktop app.',
  },
  failed: {
    ar: 'تعذرت الطباعة. اضغط «إعادة المحاولة»، وإن تكرر الخطأ فأبلغ الدعم الفني. البيانات محفوظة.',
    en: 'Printing failed. Press Retry; if it happens again, tell technical support. The record is saved.',
  },
};

/** Failures where nothing reached the printer: an automatic retry cannot print twice. */
export const NOTHING_SENT: readonly PrintErrorCode[] = ['offline', 'out-of-paper', 'missing'];
