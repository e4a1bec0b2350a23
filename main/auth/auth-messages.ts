/** What the sign-in and user screens say when the core refuses. */
export const AUTH_MESSAGES = {
  badCredentials: {
    ar: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    en: 'The username or password is not correct.',
  },
  locked: {
    ar: 'الحساب مقفل مؤقتاً بعد محاولات دخول فاشلة متكررة. حاول لاحقاً أو اطلب من مدير النظام فتحه.',
    en: 'The account is locked for a while after repeated failed sign-ins. Try later or ask an administrator to unlock it.',
  },
  setupDone: {
    ar: 'تم إنشاء مدير النظام مسبقاً. سجّل الدخول.',
    en: 'The first administrator already exists. Please sign in.',
  },
  usernameTaken: { ar: 'اسم المستخدم مستخدم مسبقاً.', en: 'This username is already taken.' },
  lastAdmin: {
    ar: 'لا يمكن إيقاف أو تغيير دور آخر مدير نظام فعّال.',
    en: 'The last active administrator cannot be deactivated or given another role.',
  },
  wrongCurrentPassword: { ar: 'كلمة المرور الحالية غير صحيحة.', en: 'The current password is not correct.' },
} as const;
