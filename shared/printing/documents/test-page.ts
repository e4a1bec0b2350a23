import type { TestPageData } from '../document-data';
import type { DocumentModel } from '../document-model';
import { dateWithTime } from '../paper-dates';
import { headerBlocks, type BuildOptions } from './common';

/** What a test print shows: Arabic joined letters, digits both ways, brackets, a QR code. */
export function buildTestPage(data: TestPageData, options: BuildOptions = {}): DocumentModel {
  return {
    kind: 'test-page',
    title: `صفحة اختبار ${data.printerName}`,
    blocks: [
      ...headerBlocks(data.organisation, 'صفحة اختبار الطابعة', options),
      { type: 'field', label: 'الطابعة', value: data.printerName },
      { type: 'field', label: 'الوقت', value: dateWithTime(new Date(data.printedAt)) },
      { type: 'text', text: 'بسم الله الرحمن الرحيم (اختبار الأقواس) والأرقام 0123456789 و ٠١٢٣٤٥٦٧٨٩', size: 'normal', align: 'start' },
      { type: 'text', text: 'Latin text: Istiqbal printer test', size: 'small', align: 'center' },
      { type: 'qr', data: `TEST ${data.printerName}`, caption: null, size: 'small' },
    ],
  };
}
