/**
 * A support request decided differently on two counters before a sync, as the person at the
 * counter sees it (issue #8 review): the sync screen's queue explains that the committee outcome
 * differs, names the request by its reference and beneficiary, shows both outcomes in Arabic, and
 * "use this counter's decision" makes it the request's status (and its latest decision) here and,
 * after the next sync, on the other counter. Against a real PostgreSQL; screenshots in Arabic (RTL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { startTestCentral, type TestCentral } from '../support/sync-postgres';
import { createTestCounter, type TestCounter } from '../support/sync-counters';
import { createBeneficiary } from '../support/sync-ops';
import { recordConsent } from '../support/consent';
import { call } from '../support/test-core';
import { createSyncEngine } from '../../main/sync/sync-engine';
import type { RequestView } from '../../shared/requests/schemas';

let h: Harness;
let central: TestCentral;
let other: TestCounter;
let requestId: string;
let syncHere: () => Promise<string>;

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  const r = await h.core.router.invoke(channel, payload, { senderUrl: `${h.origin}/index.html`, isMainFrame: true });
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(async () => {
  central = await startTestCentral(54373);
  h = await startHarness();
  other = await createTestCounter(central, 'K02');
  const counterId = (await h.core.db.selectFrom('counters').select('id').executeTakeFirstOrThrow()).id;
  const engine = createSyncEngine({ db: h.core.db, clock: h.core.clock, counterId: async () => counterId, retries: 1, backoffMs: 50 });
  syncHere = async () => (await engine.run('test', { url: central.url, sslMode: 'disable' })).status;

  // A request submitted here, known to both counters.
  const beneficiaryId = (await createBeneficiary({ core: h.core, counterId, code: 'K01' } as unknown as TestCounter, 21)).id;
  await recordConsent(h.core, beneficiaryId, h.origin);
  let r = await invoke<RequestView>('requests:createDraft', { beneficiaryId, data: { supportType: 'rent', amount: 1500, justification: 'الأسرة بلا دخل ثابت' } });
  for (const item of r.checklist) {
    r = await invoke<RequestView>('requests:verifyItem', { requestId: r.id, itemId: item.id, verified: true, documentNumber: item.needsNumber ? '1000000008' : undefined, expiryDate: item.needsExpiry ? '2030-01-01' : undefined });
  }
  r = await invoke<RequestView>('requests:sign', { id: r.id, version: r.version, method: 'paper' });
  await invoke('requests:submit', { id: r.id, version: r.version });
  requestId = r.id;
  expect(await syncHere()).toBe('ok');
  expect((await other.sync()).status).toBe('ok');

  // Before the next sync: accepted at K02 (and sent), rejected here.
  expect((await call(other.core, 'requests:decide', { id: requestId, decision: 'accept', reason: 'مستحق' })).ok).toBe(true);
  expect((await other.sync()).status).toBe('ok');
  await invoke('requests:decide', { id: requestId, decision: 'reject', reason: 'الدخل يتجاوز الحد' });
  expect(await syncHere()).toBe('ok');
}, 240_000);
afterAll(async () => {
  await h?.close();
  await other?.dispose();
  await central?.stop();
});

describe('sync queue: a committee outcome decided differently on two counters', () => {
  it('shows the request and both outcomes in Arabic, with the central one in place', async () => {
    const p = h.page;
    await p.getByTestId('nav-sync').click();
    await p.getByTestId('sync-conflict').waitFor();
    expect(await p.getByTestId('sync-conflict').count()).toBe(1);
    await p.getByText('قُرّر هذا الطلب على كاونترين بنتيجتين مختلفتين', { exact: false }).waitFor();
    await expect(p.getByTestId('conflict-record').innerText()).resolves.toMatch(/R-\d{4}-K01-\d+ — /);
    expect(await p.getByTestId('conflict-field').innerText()).toBe('قرار اللجنة (حالة الطلب)');
    expect(await p.getByTestId('conflict-local').innerText()).toBe('مرفوض');
    expect(await p.getByTestId('conflict-remote').innerText()).toBe('مقبول');
    expect(await p.getByTestId('conflict-keep-local').innerText()).toBe('اعتمد قرار هذا الكاونتر');
    expect((await invoke<RequestView>('requests:get', { id: requestId })).status).toBe('accepted');
    await h.screenshot('sync-decision-conflict');
  });

  it('"use this counter\'s decision" makes it the status here and, after a sync, at the other counter', async () => {
    const p = h.page;
    await p.getByTestId('conflict-keep-local').click();
    await p.getByText('حُفظ القرار، وسيُرسل في المزامنة القادمة.', { exact: true }).waitFor(); // the notice, not the conflict's own text (وحُفظ القراران)
    await p.getByText('لا توجد تعارضات. كل السجلات متطابقة.').waitFor();
    const here = await invoke<RequestView>('requests:get', { id: requestId });
    expect(here.status).toBe('rejected');
    expect(here.decisions.map((d) => d.decision)).toEqual(['accept', 'reject', 'reject']);
    expect(await syncHere()).toBe('ok');
    expect((await other.sync()).status).toBe('ok');
    const there = await other.core.db.selectFrom('support_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(there.status).toBe('rejected');
    await h.screenshot('sync-decision-conflict-resolved');
  });

  it('passes axe, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
