import { z } from 'zod';
import { channel } from '../contract/define';
import { appInfo, sessionView } from './schemas';

export const sessionContract = {
  'session:current': channel({ input: z.undefined().or(z.object({})), output: sessionView.nullable(), access: 'public' }),
  'app:info': channel({ input: z.undefined().or(z.object({})), output: appInfo, access: 'public' }),
};
