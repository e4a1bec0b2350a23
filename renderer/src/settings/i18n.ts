/** Settings screen words; each panel's own label lives under `panels`. */
export const settingsAr = {
  panels: {} as Record<string, string>,
};

export const settingsEn: typeof settingsAr = {
  panels: {},
};
