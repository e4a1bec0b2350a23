/** Arabic, the default language. Wording of the society's policy where it has one. */
export const shellAr = {
  app: { name: 'استقبال', tagline: 'علاقات المستفيدين' },
  language: { switchTo: 'English', label: 'اللغة' },
  nav: {
    label: 'الأقسام',
    reception: 'الاستقبال والمقابلات',
    beneficiaries: 'المستفيدون',
    calls: 'الاتصالات الهاتفية',
    letters: 'الخطابات',
    contacts: 'القنوات الأخرى والمتطوعون',
    requests: 'طلبات الدعم',
    reports: 'التقارير',
    dashboard: 'لوحة المتابعة',
    sync: 'المزامنة',
    settings: 'الإعدادات',
    library: 'المكتبة المرجعية',
  },
  status: {
    label: 'شريط الحالة',
    user: 'المستخدم',
    counter: 'الكاونتر',
    today: 'اليوم',
    sync: 'المزامنة',
    printer: 'الطابعة',
    autoSignedIn: 'وضع العرض التجريبي: دخول تلقائي بحساب مدير النظام التجريبي',
  },
  placeholder: {
    title: 'قيد الإنشاء',
    body: 'هذا القسم لم يُبنَ بعد. سيُضاف في إصدار قادم.',
  },
};

export type ShellMessages = typeof shellAr;
