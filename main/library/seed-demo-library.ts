/**
 * The demo library: the society's beneficiary-relations policy (the one policy text we hold, in
 * its own words) as a real Arabic PDF, uploaded through the library service like an administrator
 * would, so search and the viewer can be tried at once. Only into an empty library.
 */
import type { Core } from '../core/create-core';
import type { Actor } from '../core/actor';
import { ltr } from '../../shared/printing/document-model';
import { loadPrintFonts } from '../printing/print-fonts';
import { createLibraryService } from './library-service';
import { policyPdf } from './policy-pdf';
import { RELATIONS_POLICY_PARAGRAPHS, RELATIONS_POLICY_TITLE } from './relations-policy-text';

export async function seedDemoLibrary(core: Core, actor: Actor): Promise<number> {
  const existing = await core.db.selectFrom('library_documents').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  try {
    loadPrintFonts();
  } catch {
    // Outside a development checkout the print fonts live elsewhere; demo people still get seeded.
    return 0;
  }
  const org = core.printing.organisation();
  const pdf = await policyPdf(RELATIONS_POLICY_TITLE, RELATIONS_POLICY_PARAGRAPHS, { society: org.name, licenceLine: `ترخيص رقم ${ltr(org.licence)}` });
  const library = createLibraryService({ db: core.db, clock: core.clock, newId: core.newId, files: core.channels.attachments });
  await library.create(actor, {
    title: RELATIONS_POLICY_TITLE,
    description: 'اعتمدها مجلس إدارة الجمعية في جلسته رقم 2/23 بتاريخ 25/01/2023.',
    fileName: 'سياسة تنظيم العلاقة مع المستفيدين.pdf',
    dataBase64: pdf.toString('base64'),
  });
  return 1;
}
