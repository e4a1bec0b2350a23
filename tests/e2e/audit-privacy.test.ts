/**
 * PDPL and the audit trail end to end: a consent capture on a profile, an access request exported
 * as JSON, the audit trail of the profile view, and a tampered entry detected in the admin screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { startHarness, type Harness } from './support/harness';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { beneficiaryFixture } from '../support/fixtures';

let h: Harness;
let reference: string;
let beneficiaryId: string;
beforeAll(async () => {
  h = await startHarness();
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  const b = await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), []);
  reference = b.reference;
  beneficiaryId = b.id;
});
afterAll(async () => {
  await h?.close();
});

describe('consent, access request and audit trail', () => {
  it('shows the privacy notice on the profile and records the consent to its version', async () => {
    const p = h.page;
    await p.getByTestId('beneficiary-search').fill(reference);
    await p.getByTestId('search-result').first().waitFor();
    await p.getByTestId('beneficiary-search').press('Enter');
    await p.getByTestId('consent-panel').waitFor();
    await expect(p.getByTestId('consent-status').textContent()).resolves.toContain('لا توجد موافقة مسجلة');
    await p.getByTestId('show-notice').click();
    await expect(p.getByTestId('notice-text').textContent()).resolves.toContain('حقوقك وفق نظام حماية البيانات الشخصية');
    await p.getByTestId('record-consent').click();
    await expect(p.getByTestId('consent-status').filter({ hasText: 'موافقة على الإصدار 1' }).waitFor()).resolves.toBeUndefined();
    await p.getByTestId('consent-panel').scrollIntoViewIfNeeded();
    await h.screenshot('privacy-consent');
    expect(await h.axeSeriousViolations()).toEqual([]);
    const row = await h.core.db.selectFrom('consents').selectAll().where('beneficiary_id', '=', beneficiaryId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ notice_version: 1, given_by: 'self', withdrawn_at: null });
  });

  it('an access request exports everything held about the person as a JSON and a PDF download', async () => {
    const p = h.page;
    await p.getByTestId('nav-settings').click();
    await p.getByTestId('settings-tab-privacy').click();
    await p.getByTestId('dsr-beneficiary').fill(reference);
    await p.getByTestId('dsr-create').click();
    await p.getByTestId('dsr-row').waitFor();
    // Personal data leaving the machine: protected with a password unless the officer says otherwise.
    await expect(p.getByTestId('dsr-export-protect').isChecked()).resolves.toBe(true);
    await p.getByTestId('dsr-export-password').fill('نسخة المستفيد 2026');
    await p.getByTestId('dsr-export-confirm').fill('نسخة المستفيد 2026');
    const [zipped] = await Promise.all([p.waitForEvent('download'), p.getByTestId('dsr-export').click()]);
    expect(zipped.suggestedFilename()).toBe(`access-request-${reference}-${new Date().toISOString().slice(0, 10)}.json.zip`);
    const zipBytes = readFileSync((await zipped.path())!);
    expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(zipBytes.includes(Buffer.from('القحطاني'))).toBe(false);
    // Handed over in person, unprotected: the officer unticks the box on purpose.
    await p.getByTestId('dsr-export-protect').uncheck();
    const [download] = await Promise.all([p.waitForEvent('download'), p.getByTestId('dsr-export').click()]);
    expect(download.suggestedFilename()).toBe(`access-request-${reference}-${new Date().toISOString().slice(0, 10)}.json`);
    const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(data.sections.beneficiaries[0]).toMatchObject({ id: beneficiaryId, first_name: 'أحمد', family_name: 'القحطاني' });
    expect(data.sections.consents).toHaveLength(1);
    await p.getByTestId('dsr-exported').waitFor();
    // The same export as a PDF, offered beside the JSON one.
    const [pdf] = await Promise.all([p.waitForEvent('download'), p.getByTestId('dsr-export-pdf').click()]);
    expect(pdf.suggestedFilename()).toBe(`access-request-${reference}-${new Date().toISOString().slice(0, 10)}.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await h.screenshot('privacy-requests');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('the audit viewer shows who viewed the profile, filtered by its reference', async () => {
    const p = h.page;
    await p.getByTestId('settings-tab-audit').click();
    await p.getByTestId('audit-record').fill(reference);
    await p.getByTestId('audit-action').selectOption('view');
    await p.getByTestId('audit-search').click();
    await p.getByTestId('audit-row').filter({ hasText: 'beneficiaries:get' }).first().waitFor();
    const rows = await p.getByTestId('audit-row').allTextContents();
    expect(rows.every((r) => r.includes('اطلاع') && r.includes('مدير النظام'))).toBe(true);
    expect(rows.some((r) => r.includes('beneficiaries:get'))).toBe(true);
    await h.screenshot('audit-viewer');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('verifies the trail, then detects and locates a tampered entry', async () => {
    const p = h.page;
    await p.getByTestId('audit-verify').click();
    await p.getByTestId('audit-intact').waitFor();
    // An attacker with the database file: drops the append-only trigger and rewrites who viewed the profile.
    await sql`DROP TRIGGER audit_log_no_update`.execute(h.core.db);
    const view = await h.core.db.selectFrom('audit_log').select('seq').where('action', '=', 'view').where('entity', '=', 'beneficiaries:get').executeTakeFirstOrThrow();
    await sql`UPDATE audit_log SET user_id = 'someone-else' WHERE seq = ${view.seq}`.execute(h.core.db);
    await p.getByTestId('audit-verify').click();
    await p.getByTestId('audit-tampered').waitFor();
    await expect(p.getByTestId('audit-tampered').textContent()).resolves.toContain(`القيد رقم ${view.seq} عُدّل`);
    await h.screenshot('audit-tampered');
  });

  it('loads without a page error or CSP violation', async () => {
    expect(await h.problems()).toEqual([]);
  });
});
