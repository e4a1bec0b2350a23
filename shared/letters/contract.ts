import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF } from '../auth/roles';
import { csvExport } from '../calls/contract';
import { attachmentPreview, attachmentUpload, attachmentView, letterDetail, letterInput, letterReceipt, letterSearch, letterUpdate, letterView } from './schemas';
import { letterReferenceSettings } from './reference-pattern';

const MANAGERS = ['manager', 'administrator'] as const;

export const lettersContract = {
  'letters:create': channel({ input: letterInput, output: letterView, access: STAFF }),
  'letters:update': channel({ input: letterUpdate, output: letterView, access: STAFF }),
  'letters:get': channel({ input: z.object({ id: z.string().uuid() }), output: letterDetail, access: STAFF, readsPersonalData: true }),
  'letters:search': channel({ input: letterSearch, output: z.array(letterView), access: STAFF, readsPersonalData: true }),
  'letters:exportCsv': channel({ input: letterSearch, output: csvExport, access: STAFF, readsPersonalData: true }),
  'letters:attach': channel({ input: attachmentUpload, output: attachmentView, access: STAFF }),
  'letters:preview': channel({ input: z.object({ id: z.string().uuid() }), output: attachmentPreview, access: STAFF, readsPersonalData: true }),
  'letters:receipt': channel({ input: z.object({ id: z.string().uuid() }), output: letterReceipt, access: STAFF }),
  'letters:referenceSettings': channel({ input: z.object({}).optional(), output: letterReferenceSettings, access: STAFF }),
  'letters:setReferenceSettings': channel({ input: letterReferenceSettings, output: letterReferenceSettings, access: MANAGERS }),
};
