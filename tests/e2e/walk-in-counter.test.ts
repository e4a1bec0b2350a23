/**
 * The walk-in counter end to end, with screenshots under tests/artifacts/: a new walk-in with a
 * support request through submission (bad input refused in Arabic at each step, nothing typed
 * lost), a referral answered by a researcher, the committee's decision, the delivered service
 * with its receipt, and a satisfaction rating. Axe finds no serious or critical violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';

let h: Harness;
const researcherName = 'نورة الباحثة';

/** A screenshot of the whole flow: the main area scrolls inside the window, so grow the window first. */
async function shot(name: string) {
  const height = await h.page.evaluate(() => {
    const main = document.querySelector('.app-main');
    return Math.max(860, (main?.scrollHeight ?? 0) + 140);
  });
  await h.page.setViewportSize({ width: 1366, height: Math.min(height, 4000) });
  await h.screenshot(name);
  await h.page.setViewportSize({ width: 1366, height: 860 });
}

async function expectNoSeriousAxe() {
  expect(await h.axeSeriousViolations()).toEqual([]);
}

beforeAll(async () => {
  h = await startHarness();
  // Fail on the step that is stuck rather than on the whole test's timeout.
  h.page.setDefaultTimeout(8000);
  const s = h.core.sessions.current()!;
  const at = new Date().toISOString();
  await h.core.db
    .insertInto('users')
    .values({ id: h.core.newId(), username: 'researcher', display_name: researcherName, role: 'social_researcher', password_hash: null, active: 1, created_at: at, updated_at: at, created_by: s.user.id, counter_id: s.counter.id, deleted_at: null } as never)
    .execute();
});
afterAll(async () => {
  await h?.close();
});

describe('walk-in counter', () => {
  it('takes a ticket, calls it, and registers a new beneficiary after searching first', async () => {
    const page = h.page;
    await page.getByTestId('nav-reception').click();
    await page.getByTestId('take-ticket-support').click();
    await page.getByTestId('ticket-card').waitFor();
    expect(await page.getByTestId('ticket-label').textContent()).toBe('A-001');
    await page.getByTestId('take-ticket-inquiry').click();
    await expect.poll(() => page.getByTestId('ticket-label').textContent()).toBe('B-001');
    await shot('walk-in-queue-ticket');
    await expectNoSeriousAxe();

    // The inquiry ticket left before being called: a no-show.
    await page.getByTestId('no-show-B-001').click();
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(1);

    await page.getByTestId('call-next').click();
    await page.getByTestId('beneficiary-search').fill('١٠٠٠٠٠٠٠٢٤');
    await page.getByText('لا يوجد مستفيد مطابق.').waitFor();
    await page.getByTestId('new-beneficiary').click();
    await page.getByTestId('field-idNumber').fill('1000000024');
    await page.getByTestId('field-firstName').fill('سلمان');
    await page.getByTestId('field-fatherName').fill('عبدالعزيز');
    await page.getByTestId('field-grandfatherName').fill('فهد');
    await page.getByTestId('field-familyName').fill('الشمري');
    await page.getByTestId('field-gender').selectOption('male');
    await page.getByTestId('field-mobile').fill('0507776655');
    await page.getByTestId('save-beneficiary').click();
    await page.getByTestId('interview-step').waitFor();
    expect(await page.getByTestId('active-ticket').textContent()).toBe('A-001');
  });

  it('records the interview, refuses an empty support request and one without consent in Arabic without losing what was typed, and records the consent inline', async () => {
    const page = h.page;
    await page.getByTestId('qa-question-0').fill('ما الأوراق المطلوبة لطلب الدعم المالي؟');
    await page.getByTestId('qa-answer-0').fill('الهوية وسجل الأسرة وما يثبت الدخل وشهادة الآيبان');
    await shot('walk-in-interview');
    await page.getByTestId('to-request').click();
    await page.getByTestId('request-step').waitFor();

    await page.getByTestId('request-amount').fill('abc');
    await page.getByTestId('request-items').fill('مساعدة في سداد قسط');
    await page.getByTestId('save-request').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByText('المبلغ رقم موجب بالريال.').isVisible()).toBe(true);
    expect(await page.getByText('هذا الحقل مطلوب.').first().isVisible()).toBe(true);
    expect(await page.getByTestId('request-items').inputValue()).toBe('مساعدة في سداد قسط');
    await shot('walk-in-request-validation');
    await expectNoSeriousAxe();

    await page.getByTestId('request-type').selectOption('financial');
    await page.getByTestId('request-amount').fill('١٬٥٠٠');
    await page.getByTestId('request-justification').fill('الأسرة فقدت عائلها وتحتاج دعماً عاجلاً');
    await page.getByTestId('save-request').click();
    // A new beneficiary has not consented to the privacy notice yet: the core refuses the request
    // in Arabic, the step offers the consent beside the form, and nothing typed is lost.
    await page.getByTestId('form-error').getByText('لا توجد موافقة مسجلة من المستفيد على إشعار الخصوصية الحالي').waitFor();
    expect(await page.getByTestId('consent-needed').isVisible()).toBe(true);
    expect(await page.getByTestId('request-type').inputValue()).toBe('financial');
    expect(await page.getByTestId('request-justification').inputValue()).toBe('الأسرة فقدت عائلها وتحتاج دعماً عاجلاً');
    expect(await h.core.db.selectFrom('support_requests').select('id').execute()).toEqual([]);
    await page.getByTestId('request-consent').getByTestId('show-notice').click();
    await page.getByTestId('request-consent').getByTestId('notice-text').waitFor();
    await shot('walk-in-request-consent');
    await expectNoSeriousAxe();
    await page.getByTestId('request-consent').getByTestId('record-consent').click();
    await page.getByTestId('consent-recorded').waitFor();
    expect(await page.getByTestId('request-consent').count()).toBe(0);
    expect(await page.getByTestId('form-error').count()).toBe(0);
    expect(await page.getByTestId('request-amount').inputValue()).toBe('١٬٥٠٠');
    await shot('walk-in-request-consent-recorded');
    await page.getByTestId('save-request').click();
    await page.getByTestId('checklist-step').waitFor();
    const consent = await h.core.db.selectFrom('consents').select(['notice_version', 'given_by', 'withdrawn_at']).executeTakeFirstOrThrow();
    expect(consent).toEqual({ notice_version: 1, given_by: 'self', withdrawn_at: null });
  });

  it('refuses an expired identity document, then verifies every item', async () => {
    const page = h.page;
    await page.getByTestId('doc-number-national_id').fill('1000000024');
    await page.getByTestId('doc-expiry-national_id').fill('2020-01-01');
    await page.getByTestId('verify-national_id').click();
    await page.getByText('الوثيقة منتهية الصلاحية؛ لا يمكن اعتمادها. اطلب وثيقة سارية.').waitFor();
    expect(await page.getByTestId('doc-number-national_id').inputValue()).toBe('1000000024');
    expect(await page.getByTestId('to-declaration').isDisabled()).toBe(true);
    await shot('walk-in-checklist-expired');

    await page.getByTestId('doc-expiry-national_id').fill('٢٠٣١-٠٣-١٥');
    await page.getByTestId('verify-national_id').click();
    await page.getByTestId('checklist-row-national_id').getByTestId('item-verified').waitFor();
    await page.getByTestId('doc-number-family_record').fill('77881122');
    await page.getByTestId('verify-family_record').click();
    await page.getByTestId('checklist-row-family_record').getByTestId('item-verified').waitFor();
    await page.getByTestId('verify-income_proof').click();
    await page.getByTestId('checklist-row-income_proof').getByTestId('item-verified').waitFor();
    await page.getByTestId('doc-number-iban_certificate').fill('SA0380000000608010167519');
    await page.getByTestId('verify-iban_certificate').click();
    await page.getByTestId('checklist-complete').waitFor();
    await shot('walk-in-checklist-verified');
    await expectNoSeriousAxe();
    await page.getByTestId('to-declaration').click();
  });

  it('refuses an empty signature, then seals the on-screen signature and submits with a receipt', async () => {
    const page = h.page;
    await page.getByTestId('declaration-step').waitFor();
    await expect.poll(() => page.getByTestId('declaration-text').textContent()).toContain('أقر أنا سلمان عبدالعزيز فهد الشمري، رقم الهوية 1000000024');
    await page.getByTestId('sign-screen').click();
    await page.getByText('لوحة التوقيع فارغة. اطلب من المستفيد التوقيع أولاً.').waitFor();
    expect(await page.getByTestId('submit-request').isDisabled()).toBe(true);

    const box = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 120);
    await page.mouse.down();
    for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 40 + i * 18, box.y + 120 - Math.sin(i / 3) * 50);
    await page.mouse.up();
    await page.getByTestId('sign-screen').click();
    await page.getByTestId('seal-valid').waitFor();
    await shot('walk-in-declaration-signed');
    await expectNoSeriousAxe();

    const stored = await h.core.db.selectFrom('support_requests').select(['signature_png', 'seal_hash']).executeTakeFirstOrThrow();
    expect(stored.signature_png).toMatch(/^data:image\/png;base64,/);
    expect(stored.seal_hash).toMatch(/^[0-9a-f]{64}$/);

    await page.getByTestId('submit-request').click();
    await page.getByTestId('request-receipt').waitFor();
    expect(await page.getByTestId('receipt-reference').textContent()).toMatch(/^R-\d{4}-K01-000001$/);
    const earliest = await page.getByTestId('receipt-earliest').textContent();
    expect(earliest).toMatch(/ميلادي: .*\d{4}.*هجري: .*هـ/);
    expect(await page.getByTestId('receipt-committee').textContent()).toBe(
      'سيُرفع طلبك إلى لجنة البحث لدراسته والرد عليك بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين.',
    );
    // Printing through the printing domain: with no printer set up the outcome says so, and the receipt stays on screen.
    await page.getByTestId('print-request-receipt').click();
    await page.getByTestId('print-outcome-request-receipt').waitFor();
    expect((await page.getByTestId('print-outcome-request-receipt').textContent())!.length).toBeGreaterThan(3);
    await shot('walk-in-receipt');
  });

  it('records a one-tap satisfaction rating with a comment and ends the visit', async () => {
    const page = h.page;
    await page.getByTestId('finish-visit').click();
    await page.getByTestId('rating-step').waitFor();
    await page.getByTestId('rating-comment').fill('استقبال لطيف وسريع');
    await shot('walk-in-rating');
    await expectNoSeriousAxe();
    await page.getByTestId('rate-4').click();
    await page.getByTestId('visit-done').waitFor();
    const rating = await h.core.db.selectFrom('satisfaction_ratings').selectAll().executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ rating: 4, comment: 'استقبال لطيف وسريع' });
    const ticket = await h.core.db.selectFrom('queue_tickets').selectAll().where('label', '=', 'A-001').executeTakeFirstOrThrow();
    expect(ticket.status).toBe('done');
  });

  it('refers a walk-in to the social researcher, who answers and closes the referral', async () => {
    const page = h.page;
    await page.getByTestId('walk-in-without-ticket').click();
    await page.getByTestId('beneficiary-search').fill('الشمري');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('beneficiary-search').press('Enter');
    await page.getByTestId('interview-step').waitFor();
    await page.getByTestId('visit-purpose').selectOption('inquiry');
    await page.getByTestId('open-referral').click();
    await page.getByTestId('referral-reason').fill('لم تتضح للمستفيد شروط الدعم العلاجي');
    await page.getByTestId('send-referral').click();
    await page.getByTestId('referral-error').waitFor();
    expect(await page.getByText('هذا الحقل مطلوب.').isVisible()).toBe(true);
    expect(await page.getByTestId('referral-reason').inputValue()).toBe('لم تتضح للمستفيد شروط الدعم العلاجي');
    await page.getByTestId('referral-researcher').selectOption({ label: researcherName });
    await page.getByTestId('send-referral').click();
    await page.getByTestId('referral-sent').waitFor();
    await shot('referral-sent');
    await page.getByTestId('end-visit').click();
    await page.getByTestId('skip-rating').click();
    await page.getByTestId('visit-done').waitFor();

    await page.getByTestId('nav-requests').click();
    await page.getByTestId('tab-referrals').click();
    await page.getByTestId('referral-card').waitFor();
    await page.getByTestId('save-referral-answer').click();
    await page.getByTestId('form-error').waitFor();
    await shot('referral-queue');
    await expectNoSeriousAxe();
    await page.getByTestId('referral-answer').fill('شُرحت شروط الدعم العلاجي ويحتاج تقريراً طبياً حديثاً');
    await page.getByTestId('save-referral-answer').click();
    await page.getByText('لا توجد إحالات مفتوحة.').waitFor();
    const referral = await h.core.db.selectFrom('referrals').selectAll().executeTakeFirstOrThrow();
    expect(referral).toMatchObject({ status: 'closed', answer: 'شُرحت شروط الدعم العلاجي ويحتاج تقريراً طبياً حديثاً' });
  });

  it('shows the committee the pending request with its SLA clock and records an acceptance with a reason', async () => {
    const page = h.page;
    await page.getByTestId('tab-committee').click();
    await page.getByTestId('committee-list').waitFor();
    expect(await page.getByTestId('sla-days').first().textContent()).toBe('0 يوم');
    await shot('committee-queue');
    await expectNoSeriousAxe();
    await page.getByTestId('request-row').first().getByRole('button').click();
    await page.getByTestId('request-detail').waitFor();
    await page.getByTestId('decision-reason').fill('مستحق وفق دليل سياسة الدعم');
    await page.getByTestId('save-decision').click();
    await page.getByTestId('form-error').waitFor();
    expect(await page.getByTestId('decision-reason').inputValue()).toBe('مستحق وفق دليل سياسة الدعم');
    // First the committee asks for more information.
    await page.getByTestId('decision').selectOption('request_info');
    await page.getByTestId('decision-reason').fill('أرفق تعريفاً بالراتب حديثاً');
    await page.getByTestId('save-decision').click();
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('يحتاج معلومات إضافية');
  });

  it('lets the counter complete a request sent back, shows the old seal void, and resubmits it signed again', async () => {
    const page = h.page;
    await page.getByTestId('nav-reception').click();
    await page.getByTestId('walk-in-without-ticket').click();
    await page.getByTestId('beneficiary-search').fill('1000000024');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('beneficiary-search').press('Enter');
    await page.getByTestId('open-request').waitFor();
    expect(await page.getByTestId('open-request').textContent()).toContain('ملاحظة لجنة البحث: أرفق تعريفاً بالراتب حديثاً');
    await shot('walk-in-resume-request');
    await page.getByTestId('resume-request').click();
    await page.getByTestId('request-step').waitFor();
    expect(await page.getByTestId('request-amount').inputValue()).toBe('1500');
    await page.getByTestId('request-justification').fill('الأسرة فقدت عائلها؛ أُرفق تعريف بالراتب بتاريخ اليوم');
    await page.getByTestId('save-request').click();
    await page.getByTestId('checklist-complete').waitFor();
    await page.getByTestId('to-declaration').click();
    await page.getByTestId('seal-void').waitFor();
    expect(await page.getByTestId('submit-request').isDisabled()).toBe(true);
    await shot('walk-in-seal-void');
    await expectNoSeriousAxe();
    await page.getByTestId('sign-paper').click();
    await page.getByTestId('seal-valid').waitFor();
    await page.getByTestId('submit-request').click();
    await page.getByTestId('request-receipt').waitFor();
    expect(await page.getByTestId('receipt-reference').textContent()).toMatch(/^R-\d{4}-K01-000001$/);
    await page.getByTestId('finish-visit').click();
    await page.getByTestId('skip-rating').click();
    await page.getByTestId('visit-done').waitFor();
  });

  it('then records the committee’s acceptance', async () => {
    const page = h.page;
    await page.getByTestId('nav-requests').click();
    await page.getByTestId('tab-committee').click();
    await page.getByTestId('request-row').first().getByRole('button').click();
    await page.getByTestId('decision').selectOption('accept');
    await page.getByTestId('decision-reason').fill('مستحق وفق دليل سياسة الدعم');
    await page.getByTestId('save-decision').click();
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('مقبول');
    await shot('committee-decision');
  });

  it('records the delivered service after acceptance and shows the delivery receipt', async () => {
    const page = h.page;
    await page.getByTestId('tab-delivery').click();
    await page.getByTestId('delivery-list').waitFor();
    await page.getByTestId('request-row').first().getByRole('button').click();
    await page.getByTestId('delivery-description').fill('دعم مالي بتحويل بنكي');
    await page.getByTestId('save-delivery').click();
    await page.getByText('اكتب المبلغ أو الكمية المسلّمة.').first().waitFor();
    expect(await page.getByTestId('delivery-description').inputValue()).toBe('دعم مالي بتحويل بنكي');
    await page.getByTestId('delivery-amount').fill('١٥٠٠');
    await page.getByTestId('save-delivery').click();
    await page.getByTestId('delivery-receipt').waitFor();
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('تم تقديم الخدمة');
    await shot('delivery-receipt');
    await expectNoSeriousAxe();
    const delivery = await h.core.db.selectFrom('service_deliveries').selectAll().executeTakeFirstOrThrow();
    expect(delivery).toMatchObject({ amount: 1500, description: 'دعم مالي بتحويل بنكي' });
    await page.getByTestId('close-request').click();
    await expect.poll(() => page.getByTestId('request-status').textContent()).toBe('مغلق');
  });

  it('shows the interviews, the request, the decisions and the delivery on the beneficiary timeline', async () => {
    const page = h.page;
    await page.getByTestId('nav-beneficiaries').click();
    await page.getByTestId('beneficiary-search').fill('1000000024');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('beneficiary-search').press('Enter');
    await page.getByTestId('beneficiary-profile').waitFor();
    await page.getByText('قرار لجنة البحث: قبول الطلب').first().waitFor();
    await page.getByText('تقديم الخدمة: دعم مالي بتحويل بنكي').first().waitFor();
    expect(await page.getByText('مقابلة: طلب دعم جديد').count()).toBeGreaterThan(0);
    await shot('walk-in-timeline');
    expect(await h.problems()).toEqual([]);
  });
});
