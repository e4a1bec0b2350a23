import { z } from 'zod';
import { channel } from '../contract/define';
import { ADMINS, STAFF } from '../auth/roles';
import { libraryAddVersion, libraryCreate, libraryDocumentDetail, libraryDocumentView, libraryHit, libraryList, libraryOpened, librarySearch } from './schemas';

/** Every officer reads the library; only administrators upload, replace and retire documents. */
export const libraryContract = {
  'library:list': channel({ input: libraryList, output: z.array(libraryDocumentView), access: STAFF }),
  'library:get': channel({ input: z.object({ id: z.string().uuid() }), output: libraryDocumentDetail, access: STAFF }),
  'library:open': channel({ input: z.object({ versionId: z.string().uuid() }), output: libraryOpened, access: STAFF }),
  'library:search': channel({ input: librarySearch, output: z.array(libraryHit), access: STAFF }),
  'library:create': channel({ input: libraryCreate, output: libraryDocumentDetail, access: ADMINS }),
  'library:addVersion': channel({ input: libraryAddVersion, output: libraryDocumentDetail, access: ADMINS }),
  'library:retire': channel({ input: z.object({ id: z.string().uuid(), retired: z.boolean() }), output: libraryDocumentDetail, access: ADMINS }),
};
