/** Bilingual texts the sync engine reports (runs, history, CLI). */
export const SYNC_MESSAGES = {
  skew: {
    ar: 'ساعة هذا الجهاز تختلف عن ساعة الخادم المركزي بأكثر من 5 دقائق. صحّح التاريخ والوقت في الجهاز ثم أعد المزامنة.',
    en: "This computer's clock differs from the central server's by more than 5 minutes. Correct the date and time, then sync again.",
  },
  busy: { ar: 'مزامنة أخرى قيد التشغيل الآن.', en: 'Another sync is running now.' },
  notConfigured: { ar: 'لم يُضبط عنوان قاعدة البيانات المركزية بعد.', en: 'The central database address is not set yet.' },
  unreachable: {
    ar: 'تعذّر الوصول إلى قاعدة البيانات المركزية. لم يضِع شيء؛ ستُعاد المحاولة لاحقاً.',
    en: 'The central database could not be reached. Nothing was lost; it will be tried again.',
  },
  passwordUnreadable: {
    ar: 'تعذّر فتح كلمة مرور قاعدة البيانات المركزية المحفوظة بمفتاح نظام التشغيل (ربما نُقلت قاعدة البيانات من جهاز أو مستخدم آخر). أدخل كلمة المرور من جديد في إعدادات المزامنة.',
    en: "The central database password stored under the operating system's key could not be opened (the database may come from another machine or user). Enter the password again in the sync settings.",
  },
  deviceNotOwned: {
    ar: 'رفضت قاعدة البيانات المركزية هذه المزامنة: اسم الدخول المستخدم يخص جهازاً آخر، ولا يجوز لجهاز أن يكتب باسم جهاز غيره. أدخل في إعدادات المزامنة اسم الدخول وكلمة المرور الخاصين بهذا الجهاز.',
    en: "The central database refused this sync: the login in use belongs to another counter, and no counter may write as another. Enter this counter's own login and password in the sync settings.",
  },
} as const;
