/** Words of the in-app PDF viewer. */
export const pdfAr = {
  viewer: 'عارض المستند: {{name}}',
  loading: 'جارٍ فتح المستند…',
  failed: 'تعذر عرض هذا الملف. قد يكون تالفاً أو محمياً بكلمة مرور.',
  previous: 'الصفحة السابقة',
  next: 'الصفحة التالية',
  page: 'الصفحة',
  of: 'من {{count}}',
  pageOf: 'الصفحة {{page}} من {{count}}',
  zoomIn: 'تكبير',
  zoomOut: 'تصغير',
  fitWidth: 'ملء العرض',
  zoom: 'التكبير {{percent}}٪',
  pageImage: '{{name}}، الصفحة {{page}} من {{count}}',
};

export const pdfEn: typeof pdfAr = {
  viewer: 'Document viewer: {{name}}',
  loading: 'Opening the document…',
  failed: 'This file cannot be shown. It may be damaged or password-protected.',
  previous: 'Previous page',
  next: 'Next page',
  page: 'Page',
  of: 'of {{count}}',
  pageOf: 'Page {{page}} of {{count}}',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fitWidth: 'Fit width',
  zoom: 'Zoom {{percent}}%',
  pageImage: '{{name}}, page {{page}} of {{count}}',
};
