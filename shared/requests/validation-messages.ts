/** The counter's own validation messages, merged into the shared catalogue by one line. */
export const COUNTER_VALIDATION_MESSAGES = {
  'checklist.duplicateKey': { ar: 'مفتاح البند مكرر في القائمة.', en: 'A checklist key appears twice.' },
  'declaration.placeholders': {
    ar: 'نص الإقرار يجب أن يحتوي على {{name}} و{{idNumber}}.',
    en: 'The declaration text must contain {{name}} and {{idNumber}}.',
  },
  'quantity.invalid': { ar: 'الكمية عدد صحيح موجب.', en: 'The quantity is a positive whole number.' },
  'request.nothingAsked': {
    ar: 'اكتب المبلغ المطلوب أو الأصناف المطلوبة.',
    en: 'Enter the amount requested or the items requested.',
  },
  'amount.invalid': { ar: 'المبلغ رقم موجب بالريال.', en: 'The amount is a positive number of riyals.' },
  'amount.positive': { ar: 'المبلغ يجب أن يكون أكبر من صفر.', en: 'The amount must be more than zero.' },
  'signature.invalid': { ar: 'التوقيع غير صالح. وقّع مرة أخرى.', en: 'The signature is not valid. Sign again.' },
  'signature.tooLarge': { ar: 'صورة التوقيع كبيرة جداً. امسحها ووقّع مرة أخرى.', en: 'The signature image is too large. Clear it and sign again.' },
  'rating.invalid': { ar: 'اختر تقييماً من 1 إلى 5.', en: 'Choose a rating from 1 to 5.' },
} as const;
