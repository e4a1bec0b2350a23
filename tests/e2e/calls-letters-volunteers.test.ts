/**
 * Issue 7 end to end, screenshots under tests/artifacts/: a call logged from the F2 panel that
 * finds the caller by a number typed in Eastern digits and links them with one key; its callback
 * closed; an incoming letter registered with a scanned PDF, previewed, given a receipt and
 * answered (the reply chain shown); a volunteer recorded; the beneficiary's timeline. Axe finds
 * no serious or critical violation, and there are no page errors or CSP violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { makePdf } from '../support/channel-fixtures';

let h: Harness;
let beneficiaryId: string;

async function shot(name: string) {
  const height = await h.page.evaluate(() => {
    const main = document.querySelector('.app-main');
    const dialog = document.querySelector('.quick-call-dialog');
    return Math.max(860, (main?.scrollHeight ?? 0) + 140, (dialog?.scrollHeight ?? 0) + 120);
  });
  await h.page.setViewportSize({ width: 1366, height: Math.min(height, 4000) });
  await h.screenshot(name);
  await h.page.setViewportSize({ width: 1366, height: 860 });
}

beforeAll(async () => {
  h = await startHarness();
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  beneficiaryId = (await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture({ mobile: '0551234567' })), [])).id;
  // A support request needs the person's consent to the privacy notice (recorded at an earlier visit).
  await recordConsent(h.core, beneficiaryId, h.origin);
});
afterAll(async () => {
  await h?.close();
});

describe('calls, letters and volunteers', { timeout: 90_000 }, () => {
  it('logs a call from the F2 panel: finds the caller by number, links with Alt+1, saves with Ctrl+Enter', async () => {
    const page = h.page;
    await page.keyboard.press('F2');
    const dialog = page.getByTestId('quick-call');
    await dialog.waitFor();
    await expect(page.getByTestId('call-phone').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByTestId('call-phone').fill('٠٥٥ ١٢٣ ٤٥٦٧');
    await page.getByTestId('call-match').first().waitFor();
    await expect(page.getByTestId('call-match').first().textContent()).resolves.toContain('أحمد محمد عبد الله القحطاني');
    await page.getByTestId('call-phone').press('Alt+1');
    await page.getByTestId('call-linked').waitFor();

    // Saving without a topic or summary is refused in Arabic, and nothing typed is lost.
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('call-error').waitFor();
    await expect(dialog.getByText('هذا الحقل مطلوب').first().isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('call-phone').inputValue()).resolves.toBe('٠٥٥ ١٢٣ ٤٥٦٧');

    await page.getByTestId('call-topic').selectOption('request_status');
    await page.getByTestId('call-summary').fill('يسأل عن موعد صرف السلة الغذائية');
    await page.getByTestId('call-outcome').selectOption('callback_needed');
    await page.getByTestId('call-follow-up').check();
    await page.getByTestId('call-follow-up-due').fill('٢٠٢٠-٠١-٠٥');
    const admin = h.core.sessions.current()!.user;
    await page.getByTestId('call-follow-up-assignee').selectOption(admin.id);
    await page.waitForTimeout(1100); // let the call timer run
    await shot('calls-quick-entry');
    expect(await h.axeSeriousViolations()).toEqual([]);
    await page.getByTestId('call-summary').press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });

    const row = await h.core.db.selectFrom('calls').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ phone: '+966551234567', beneficiary_id: beneficiaryId, topic: 'request_status', follow_up: 'open', follow_up_due: '2020-01-05', follow_up_assignee: admin.id });
    expect(row.duration_seconds).toBeGreaterThanOrEqual(1);
  });

  it("shows the call in the day's log and closes its overdue callback", async () => {
    const page = h.page;
    await page.getByTestId('nav-calls').click();
    await page.getByTestId('call-row').first().waitFor();
    await expect(page.getByTestId('call-row').first().textContent()).resolves.toContain('أحمد محمد عبد الله القحطاني');
    await page.getByTestId('filter-linked').selectOption('unlinked');
    await page.getByText('لا توجد مكالمات بهذه الشروط.').waitFor();
    await page.getByTestId('filter-linked').selectOption('');
    await page.getByTestId('call-row').first().waitFor();
    await shot('calls-day-log');
    await page.getByTestId('tab-callbacks').click();
    const cb = page.getByTestId('callback-row').first();
    await cb.waitFor();
    await expect(cb.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(cb.textContent()).resolves.toContain('متأخرة');
    await shot('calls-callbacks');
    expect(await h.axeSeriousViolations()).toEqual([]);
    await page.getByTestId('close-follow-up').click();
    await page.getByText('لا توجد متابعات مفتوحة.').waitFor();
    const row = await h.core.db.selectFrom('calls').selectAll().executeTakeFirstOrThrow();
    expect(row.follow_up).toBe('closed');
    expect(row.follow_up_closed_by).toBe(h.core.sessions.current()!.user.id);
  });

  it('registers an incoming letter with a scanned PDF, previews it, shows the receipt and answers it', async () => {
    const page = h.page;
    await page.getByTestId('nav-letters').click();
    await page.getByTestId('new-incoming-letter').click();
    await page.getByTestId('letter-entity').fill('وزارة الموارد البشرية والتنمية الاجتماعية');
    await page.getByTestId('letter-subject').fill('طلب إفادة عن حالة أسرة');
    await page.getByTestId('letter-routed-to').fill('لجنة البحث الاجتماعي');
    await page.getByTestId('letter-beneficiary').fill('القحطاني');
    await page.getByTestId('letter-beneficiary-option').first().click();
    await page.getByTestId('letter-beneficiary-selected').waitFor();
    await page.getByTestId('save-letter').click();
    await page.getByTestId('letter-detail').waitFor();
    const shown = (await page.getByTestId('letter-reference').textContent())!;
    // Shown with a left-to-right mark after the Arabic letter so it reads و-1448-K01-000001.
    expect(shown).toMatch(/^و\u200E-\d{4}-K01-000001$/);
    const reference = shown.replace('\u200E', '');
    const stored = await h.core.db.selectFrom('letters').select('reference').executeTakeFirstOrThrow();
    expect(stored.reference).toBe(reference);

    await page.getByTestId('attachment-input').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: await makePdf('Letter scan') });
    await page.locator('[data-testid="attachment-preview"] [data-testid="pdf-viewer-canvas"][data-rendered="true"]').waitFor();
    // A file that only claims to be a PDF is refused with an Arabic message.
    await page.getByTestId('attachment-input').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
    await page.getByTestId('attachment-error').waitFor();
    await expect(page.getByTestId('attachment-error').textContent()).resolves.toContain('نوع الملف غير مقبول');
    await page.getByTestId('letter-receipt-button').click();
    await page.getByTestId('letter-receipt').waitFor();
    await expect(page.getByTestId('letter-receipt').textContent()).resolves.toContain(shown);
    await shot('letters-incoming-with-attachment');
    expect(await h.axeSeriousViolations()).toEqual([]);

    await page.getByTestId('answer-letter').click();
    await page.getByTestId('letter-form').waitFor();
    await expect(page.getByTestId('letter-subject').inputValue()).resolves.toBe('رد: طلب إفادة عن حالة أسرة');
    await page.getByTestId('save-letter').click();
    await page.getByTestId('letter-detail').waitFor();
    await expect(page.getByTestId('letter-reference').textContent()).resolves.toMatch(/^ص\u200E-\d{4}-K01-000001$/);
    const chain = page.getByTestId('letter-chain').locator('li');
    await expect(chain.count()).resolves.toBe(2);
    await page.getByTestId('letter-chain').getByRole('button', { name: shown }).click();
    await page.getByTestId('letter-status-badge').getByText('تم الرد').waitFor();
    await shot('letters-reply-chain');
    await page.getByRole('button', { name: 'العودة إلى السجل' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="letter-row"]').length === 2);
    // Found by its reference typed in full; the subject typed without hamza finds both letters of the thread.
    await page.getByTestId('letters-search').fill(shown); // as if copied from the screen, marks and all
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="letter-row"]').length === 1);
    await page.getByTestId('letters-search').fill('افادة');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="letter-row"]').length === 2);
    await shot('letters-register');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it('records a volunteer, refusing a wrong ID first and keeping what was typed', async () => {
    const page = h.page;
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('tab-volunteers').click();
    await page.getByTestId('volunteer-name').fill('سارة بنت عبدالله العتيبي');
    await page.getByTestId('volunteer-id').fill('١٠٠٠٠٠٠٠٠٩');
    await page.getByTestId('volunteer-phone').fill('٠٥٠٠٠٠٠٠٠٢');
    await page.getByTestId('volunteer-skills').fill('توزيع السلال، التصوير');
    await page.getByTestId('availability-weekends').check();
    await page.getByTestId('save-volunteer').click();
    await page.getByText('خانة التحقق').first().waitFor();
    await expect(page.getByTestId('volunteer-name').inputValue()).resolves.toBe('سارة بنت عبدالله العتيبي');
    await page.getByTestId('volunteer-id').fill('١٠٠٠٠٠٠٠١٦');
    await page.getByTestId('save-volunteer').click();
    await page.getByTestId('volunteer-row').first().waitFor();
    await expect(page.getByTestId('volunteer-row').first().textContent()).resolves.toContain('توزيع السلال، التصوير');
    await shot('volunteers-registry');
    expect(await h.axeSeriousViolations()).toEqual([]);
    const v = await h.core.db.selectFrom('volunteers').selectAll().executeTakeFirstOrThrow();
    expect(v).toMatchObject({ id_number: '1000000016', phone: '+966500000002', status: 'applicant' });
  });

  it('records a help-service request and turns it into a support request without retyping', async () => {
    const page = h.page;
    await page.getByTestId('nav-contacts').click();
    await page.getByTestId('tab-contacts').click();
    await page.getByTestId('contact-channel').selectOption('help_service');
    await page.getByTestId('contact-summary').fill('طلب سداد فاتورة الكهرباء المتأخرة');
    await page.getByTestId('contact-beneficiary').fill('القحطاني');
    await page.getByTestId('contact-beneficiary-option').first().click();
    await page.getByTestId('save-contact').click();
    await page.getByTestId('contact-message').getByText(/C-\d{4}-K01-000001/).waitFor();
    await page.getByTestId('contact-convert').first().click();
    await page.getByTestId('convert-support-type').selectOption('utility_bills');
    await shot('contacts-convert');
    expect(await h.axeSeriousViolations()).toEqual([]);
    await page.getByTestId('to-request').click();
    await page.getByTestId('contact-row').first().getByText('حُوّل إلى طلب دعم').waitFor();
    const draft = await h.core.db.selectFrom('support_requests').selectAll().executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ beneficiary_id: beneficiaryId, support_type: 'utility_bills' });
    expect(String((draft as { justification: string }).justification)).toContain('طلب سداد فاتورة الكهرباء المتأخرة');
  });

  it('edits call topics and refuses a letter reference pattern that could collide, in settings', async () => {
    const page = h.page;
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-callTopics').click();
    await page.getByTestId('topics-panel').waitFor();
    await shot('settings-call-topics');
    expect(await h.axeSeriousViolations()).toEqual([]);
    await page.getByTestId('settings-tab-letterReferences').click();
    const panel = page.getByTestId('reference-panel');
    await panel.waitFor();
    const pattern = panel.getByLabel('النمط');
    await pattern.fill('{kind}-{seq}');
    await panel.getByText('{year} و{counter} و{seq}', { exact: false }).first().waitFor();
    await expect(panel.getByRole('button', { name: 'حفظ' }).isDisabled()).resolves.toBe(true);
    await pattern.fill('{counter}/{year}/{kind}/{seq}');
    await panel.getByText(/K01\/\d{4}\//).waitFor();
    await shot('settings-letter-references');
    expect(await h.axeSeriousViolations()).toEqual([]);
  });

  it("shows the call and the letter on the beneficiary's timeline, with filters", async () => {
    const page = h.page;
    await page.getByTestId('nav-beneficiaries').click();
    await page.getByTestId('beneficiary-search').fill('القحطاني');
    await page.getByTestId('search-result').first().click();
    const timeline = page.getByTestId('beneficiary-timeline');
    await timeline.getByTestId('timeline-item').first().waitFor();
    // The call, the incoming letter and its reply (which kept the beneficiary link), the contact, and what other domains add.
    const kinds = await timeline.getByTestId('timeline-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.filter((k) => k === 'call')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'letter')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'contact')).toHaveLength(1);
    const total = kinds.length;
    await timeline.getByText('الاتصالات (1)').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-item"]').length === 1);
    await expect(timeline.getByTestId('timeline-item').first().getAttribute('data-kind')).resolves.toBe('call');
    await timeline.getByText('الاتصالات (1)').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline-item"]').length === n, total);
    await shot('timeline-profile');
    expect(await h.axeSeriousViolations()).toEqual([]);
    expect(await h.problems()).toEqual([]);
  });
});
