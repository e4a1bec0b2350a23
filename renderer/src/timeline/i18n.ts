/** Words of the beneficiary timeline. */
export const timelineAr = {
  title: 'سجل التواصل',
  empty: 'لا توجد مقابلات أو اتصالات أو خطابات مسجلة بعد.',
  filterLabel: 'تصفية حسب القناة',
  all: 'الكل',
  kinds: { interview: 'المقابلات', call: 'الاتصالات', letter: 'الخطابات', request: 'الطلبات', decision: 'القرارات', receipt: 'الإيصالات', contact: 'القنوات الأخرى' } as Record<string, string>,
  by: 'بواسطة {{name}}',
};

export const timelineEn: typeof timelineAr = {
  title: 'Contact history',
  empty: 'No interviews, calls or letters recorded yet.',
  filterLabel: 'Filter by channel',
  all: 'All',
  kinds: { interview: 'Interviews', call: 'Calls', letter: 'Letters', request: 'Requests', decision: 'Decisions', receipt: 'Receipts', contact: 'Other channels' },
  by: 'by {{name}}',
};
