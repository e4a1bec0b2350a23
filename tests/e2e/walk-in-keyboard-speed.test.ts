/**
 * Speed: a returning beneficiary files a food-basket request from the keyboard alone — ticket,
 * interview, checklist, declaration (signed on paper), submission, receipt, rating. Counts every
 * key pressed and every click beyond the typed data, and prints the figure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { beneficiaryFixture } from '../support/fixtures';
import { recordConsent } from '../support/consent';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  const returning = await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), []);
  // A returning beneficiary consented to the privacy notice at an earlier visit.
  await recordConsent(h.core, returning.id, h.origin);
});
afterAll(async () => {
  await h?.close();
});

describe('walk-in from the keyboard alone', () => {
  it('files a food-basket request for a returning beneficiary with few keystrokes and no clicks', async () => {
    const page = h.page;
    let keys = 0;
    const clicks = 0;
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    // Typed data (the ID, the items, the reasons, document numbers) is not counted.
    const type = (text: string) => page.keyboard.type(text);

    // Reach the reception section from the keyboard (once a day at a real counter).
    let navKeys = 0;
    for (let i = 0; i < 15; i++) {
      navKeys += 1;
      await page.keyboard.press('Tab');
      if (await page.getByTestId('nav-reception').evaluate((el) => el === document.activeElement)) break;
    }
    navKeys += 1;
    await page.keyboard.press('Enter');
    await page.getByTestId('take-ticket-support').waitFor();

    await press('Alt+1');
    await page.getByTestId('ticket-card').waitFor();
    expect(await page.getByTestId('ticket-label').textContent()).toBe('A-001');
    await press('F4');
    await page.getByTestId('beneficiary-search').waitFor();
    await type('1000000008');
    await page.getByTestId('search-result').first().waitFor();
    await press('Enter');

    await page.getByTestId('interview-step').waitFor();
    await press('Control+Enter');

    await page.getByTestId('request-step').waitFor();
    await press('ArrowDown');
    await press('ArrowDown');
    expect(await page.getByTestId('request-type').inputValue()).toBe('food_basket');
    await press('Tab');
    await press('Tab');
    await type('سلة غذائية شهرية لأسرة من ستة أفراد');
    await press('Tab');
    await type('رب الأسرة بلا عمل منذ ستة أشهر');
    await press('Control+Enter');

    await page.getByTestId('checklist-step').waitFor();
    await type('1000000008');
    await press('Tab');
    await type('2030-05-01');
    await press('Enter');
    await page.getByTestId('checklist-row-national_id').getByTestId('item-verified').waitFor();
    await type('445566');
    await press('Enter');
    await page.getByTestId('checklist-row-family_record').getByTestId('item-verified').waitFor();
    await type('مشهد الضمان الاجتماعي');
    await press('Enter');
    await page.getByTestId('checklist-complete').waitFor();
    await expect.poll(() => page.getByTestId('to-declaration').evaluate((el) => el === document.activeElement)).toBe(true);
    await press('Enter');

    await page.getByTestId('declaration-step').waitFor();
    await expect.poll(() => page.getByTestId('sign-paper').evaluate((el) => el === document.activeElement)).toBe(true);
    await press('Enter');
    await page.getByTestId('seal-valid').waitFor();
    await expect.poll(() => page.getByTestId('submit-request').evaluate((el) => el === document.activeElement)).toBe(true);
    await press('Enter');

    await page.getByTestId('request-receipt').waitFor();
    const reference = await page.getByTestId('receipt-reference').textContent();
    expect(reference).toMatch(/^R-\d{4}-K01-000001$/);
    expect(await page.getByTestId('receipt-committee').textContent()).toContain('خلال مدة لا تقل عن أسبوعين');
    await h.screenshot('walk-in-keyboard-receipt');
    await press('Enter');

    await page.getByTestId('rating-step').waitFor();
    await press('5');
    await page.getByTestId('visit-done').waitFor();

    const request = await h.core.db.selectFrom('support_requests').selectAll().executeTakeFirstOrThrow();
    expect(request).toMatchObject({ status: 'submitted', support_type: 'food_basket', signature_method: 'paper', reference });
    const rating = await h.core.db.selectFrom('satisfaction_ratings').select('rating').executeTakeFirstOrThrow();
    expect(rating.rating).toBe(5);
    const ticket = await h.core.db.selectFrom('queue_tickets').selectAll().executeTakeFirstOrThrow();
    expect(ticket.status).toBe('done');
    expect(ticket.called_at && ticket.started_at && ticket.ended_at).toBeTruthy();

    console.log(`[speed] returning beneficiary, food basket, ticket → receipt → rating: ${keys} keystrokes and ${clicks} clicks beyond typed data (plus ${navKeys} keys once to reach the reception section)`);
    expect(clicks).toBe(0);
    expect(keys).toBeLessThanOrEqual(20);
    expect(await h.problems()).toEqual([]);
  });
});
