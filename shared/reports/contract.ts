/** Dashboard for everyone at the counter; reports and their exports for oversight. */
import { z } from 'zod';
import { channel } from '../contract/define';
import { OVERSIGHT, STAFF } from '../auth/roles';
import { binaryFile, counterOption, dashboard, dashboardInput, exportAllInput, exportCsvInput, reportRun, reportRunInput, textFile } from './schemas';

export const reportsContract = {
  'reports:dashboard': channel({ input: dashboardInput, output: dashboard, access: STAFF }),
  'reports:counters': channel({ input: z.object({}), output: z.array(counterOption), access: STAFF }),
  'reports:run': channel({ input: reportRunInput, output: reportRun, access: OVERSIGHT }),
  'reports:exportCsv': channel({ input: exportCsvInput, output: textFile, access: OVERSIGHT }),
  'reports:exportXlsx': channel({ input: exportAllInput, output: binaryFile, access: OVERSIGHT }),
  'reports:exportPdf': channel({ input: exportAllInput, output: binaryFile, access: OVERSIGHT }),
};
