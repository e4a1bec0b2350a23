/** Settings screen words; each panel's own label lives under `panels`. */
export const settingsAr = {
  panels: {
    supportTypes: 'أنواع الدعم والمستندات',
    declaration: 'نص الإقرار',
  } as Record<string, string>,
};

export const settingsEn: typeof settingsAr = {
  panels: {
    supportTypes: 'Support types and documents',
    declaration: 'Declaration text',
  },
};
