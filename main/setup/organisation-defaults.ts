/** The first society's details; settings (issue 9) will let an administrator change them. */
export const ORGANISATION_DEFAULTS = {
  name: 'جمعية خزام التعاونية متعددة الأغراض',
  nameEn: 'Khuzam Multi-purpose Cooperative Society',
  licence: '334',
};

export const DEFAULT_COUNTER = { code: 'K01', name: 'الكاونتر الرئيسي' };

/** Beneficiary categories a Saudi charity serves; editable later in settings. */
export const DEFAULT_CATEGORIES = [
  { key: 'orphans', name_ar: 'أيتام', name_en: 'Orphans' },
  { key: 'widows', name_ar: 'أرامل', name_en: 'Widows' },
  { key: 'divorced', name_ar: 'مطلقات', name_en: 'Divorced women' },
  { key: 'elderly', name_ar: 'كبار السن', name_en: 'Elderly' },
  { key: 'disability', name_ar: 'ذوو الإعاقة', name_en: 'People with disabilities' },
  { key: 'low_income', name_ar: 'أسر محدودة الدخل', name_en: 'Low-income families' },
];
