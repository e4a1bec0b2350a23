/** The harness's stand-in for the preload: calls go to the real router through a Playwright binding. */
import { installApi } from '../../../renderer/bridges/install-api';

const binding = (window as unknown as { __istiqbalInvoke: (channel: string, input: unknown) => Promise<unknown> }).__istiqbalInvoke;
installApi((channel, input) => binding(channel, input));
