/** Bilingual texts the sync engine reports (runs, history, CLI). */
export const SYNC_MESSAGES = {
  skew: {
    ar: 'ساعة هذا الجهاز تختلف عن ساعة الخادم المركزي بأكثر من ٥ دقائق. صحّح التاريخ والوقت في الجهاز ثم أعد المزامنة.',
    en: "This computer's clock differs from the central server's by more than 5 minutes. Correct the date and time, then sync again.",
  },
  busy: { ar: 'مزامنة أخرى قيد التشغيل الآن.', en: 'Another sync is running now.' },
  notConfigured: { ar: 'لم يُضبط عنوان قاعدة البيانات المركزية بعد.', en: 'The central database address is not set yet.' },
  unreachable: {
    ar: 'تعذّر الوصول إلى قاعدة البيانات المركزية. لم يضِع شيء؛ ستُعاد المحاولة لاحقاً.',
    en: 'The central database could not be reached. Nothing was lost; it will be tried again.',
  },
} as const;
