/** Validation message keys used by the printer settings schema. */
import type { Bilingual } from '../errors/app-error';

export const PRINTING_VALIDATION_MESSAGES = {
  'printer.address': {
    ar: 'عنوان الطابعة الشبكية يكتب هكذا: tcp://192.168.1.50:9100',
    en: 'Write a network printer address as tcp://192.168.1.50:9100',
  },
  'printer.paper': {
    ar: 'مقاس الورق لا يناسب نوع الاتصال: الطابعات الحرارية 80 أو 58 ملم، وطابعات النظام A4 أو A5.',
    en: 'The paper does not suit the connection: thermal printers take 80 or 58 mm, system printers A4 or A5.',
  },
} satisfies Record<string, Bilingual>;
