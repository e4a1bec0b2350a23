/** What the page can and cannot do, with the real CSP and the real router behind window.api. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('renderer security', () => {
  it('window.api is a frozen set of contract functions, with no raw invoke', async () => {
    const shape = await h.page.evaluate(() => {
      const api = (window as unknown as { api: Record<string, Record<string, unknown>> }).api;
      return {
        frozen: Object.isFrozen(api),
        domains: Object.keys(api).sort(),
        hasInvoke: 'invoke' in api,
        nodeRequire: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(shape).toEqual({ frozen: true, domains: [...new Set(CHANNEL_NAMES.map((c) => c.split(':')[0]))].sort(), hasInvoke: false, nodeRequire: 'undefined', process: 'undefined' });
  });

  it('an IPC call with a malformed payload is refused with a typed bilingual error', async () => {
    const result = await h.page.evaluate(async () => {
      const api = (window as unknown as { api: { beneficiaries: { create(x: unknown): Promise<unknown> } } }).api;
      return api.beneficiaries.create({ data: { idNumber: { $gt: '' } }, acknowledgedWarnings: 'all' });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: { ar: expect.any(String), en: expect.any(String) } } });
    const rows = await h.core.db.selectFrom('beneficiaries').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('a channel outside the contract is refused even through the raw binding', async () => {
    const result = await h.page.evaluate(async () =>
      (window as unknown as { __istiqbalInvoke(c: string, p: unknown): Promise<unknown> }).__istiqbalInvoke('db:exec', { sql: 'DROP TABLE beneficiaries' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('a call from an iframe is refused as an untrusted sender', async () => {
    await h.page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = 'index.html?frame';
      frame.id = 'probe-frame';
      document.body.appendChild(frame);
    });
    const frame = await (await h.page.waitForSelector('#probe-frame')).contentFrame();
    await frame!.waitForFunction(() => 'api' in window);
    const result = await frame!.evaluate(async () =>
      (window as unknown as { api: { session: { current(x: unknown): Promise<unknown> } } }).api.session.current({}),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'UNTRUSTED_SENDER' } });
    await h.page.evaluate(() => document.getElementById('probe-frame')?.remove());
  });

  // Playwright's evaluate runs with the CSP bypassed, so eval is checked through a page script.
  it('the CSP blocks inline scripts, scripts from elsewhere and remote content', async () => {
    const outcome = await h.page.evaluate(async () => {
      const marks: string[] = [];
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
      if ((window as unknown as { __inlineRan?: boolean }).__inlineRan) marks.push('inline ran');
      const external = document.createElement('script');
      external.src = 'data:text/javascript,window.__dataRan=true';
      document.body.appendChild(external);
      try {
        await fetch('https://example.com/');
        marks.push('remote fetch ran');
      } catch {
        /* refused */
      }
      const img = new Image();
      img.src = 'https://example.com/x.png';
      await new Promise((r) => setTimeout(r, 200));
      if ((window as unknown as { __dataRan?: boolean }).__dataRan) marks.push('data: script ran');
      return marks;
    });
    expect(outcome).toEqual([]);
    const problems = await h.problems();
    expect(problems.filter((p) => p.startsWith('CSP script-src')).length).toBeGreaterThanOrEqual(2);
    expect(problems.some((p) => p.startsWith('CSP connect-src'))).toBe(true);
    expect(problems.some((p) => p.startsWith('CSP img-src'))).toBe(true);
  });
});
