/** The first-run wizard's words. */
export const setupAr = {
  title: 'إعداد استقبال لأول مرة',
  intro: 'خطوات قليلة تجهّز الكاونتر للعمل. يمكنك تخطي أي خطوة والعودة إليها لاحقاً من الإعدادات.',
  steps: {
    organisation: 'الجمعية',
    counter: 'هذا الكاونتر',
    printer: 'الطابعة',
    sync: 'المزامنة مع المركز',
    demo: 'بيانات تجريبية',
  },
  next: 'التالي',
  back: 'السابق',
  skip: 'تخطٍّ',
  finish: 'إنهاء الإعداد وبدء العمل',
  demoIntro: 'للتدريب فقط: أضف مستفيدين وهميين بأسماء وأرقام صحيحة الشكل. لا تستخدمها في جمعية تعمل فعلاً.',
  demoAdd: 'إضافة 40 مستفيداً تجريبياً',
  demoAdded: 'أُضيف {{count}} مستفيداً تجريبياً.',
};

export const setupEn: typeof setupAr = {
  title: 'Setting up Istiqbal',
  intro: 'A few steps get this counter ready. Skip any step and return to it later in Settings.',
  steps: {
    organisation: 'Society',
    counter: 'This counter',
    printer: 'Printer',
    sync: 'Sync with head office',
    demo: 'Demo data',
  },
  next: 'Next',
  back: 'Back',
  skip: 'Skip',
  finish: 'Finish and start work',
  demoIntro: 'For training only: adds made-up beneficiaries with well-formed names and numbers. Do not use it in a live society.',
  demoAdd: 'Add 40 demo beneficiaries',
  demoAdded: '{{count}} demo beneficiaries added.',
};
