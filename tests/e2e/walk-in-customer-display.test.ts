/**
 * The customer-facing window (`?display=customer`, a second page on the same core): it shows the
 * ticket being served; when the officer asks, the beneficiary rates the visit there with one tap
 * and the staff screen ends the visit by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ARTIFACTS, startHarness, type Harness } from './support/harness';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { beneficiaryFixture } from '../support/fixtures';
import { join } from 'node:path';

let h: Harness;
let customer: Page;
const customerErrors: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  h.page.setDefaultTimeout(8000);
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), []);
  customer = await h.context.newPage();
  customer.setDefaultTimeout(8000);
  customer.on('pageerror', (e) => customerErrors.push(e.message));
  await customer.goto(`${h.origin}/index.html?display=customer`);
  await customer.getByTestId('customer-display').waitFor();
});
afterAll(async () => {
  await h?.close();
});

describe('customer-facing window', () => {
  it('shows the ticket being served and takes the rating with one tap', async () => {
    const page = h.page;
    await page.bringToFront();
    await page.getByTestId('nav-reception').click();
    await page.getByTestId('take-ticket-support').click();
    await page.getByTestId('call-next').click();
    await customer.bringToFront();
    await expect.poll(() => customer.getByTestId('customer-now-serving').textContent(), { timeout: 6000 }).toBe('A-001');
    await customer.screenshot({ path: join(ARTIFACTS, 'walk-in-customer-now-serving.png') });

    await page.bringToFront();
    await page.getByTestId('beneficiary-search').fill('1000000008');
    await page.getByTestId('search-result').first().waitFor();
    await page.getByTestId('beneficiary-search').press('Enter');
    await page.getByTestId('end-visit').click();
    await page.getByTestId('ask-customer-rating').click();

    await customer.bringToFront();
    await customer.getByTestId('customer-rate-5').waitFor({ timeout: 6000 });
    await customer.getByTestId('customer-comment').fill('شكراً على حسن الاستقبال');
    await customer.screenshot({ path: join(ARTIFACTS, 'walk-in-customer-rating.png') });
    const axe = await new AxeBuilder({ page: customer as never }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await customer.getByTestId('customer-rate-5').click();
    await customer.getByTestId('customer-thanks').waitFor();

    // The staff screen sees the rating and ends the visit without a click. (Playwright's pages are
    // tabs of one window, only one visible at a time; the app's two windows are both visible.)
    await page.bringToFront();
    await page.getByTestId('visit-done').waitFor({ timeout: 6000 });
    const rating = await h.core.db.selectFrom('satisfaction_ratings').selectAll().executeTakeFirstOrThrow();
    expect(rating).toMatchObject({ rating: 5, comment: 'شكراً على حسن الاستقبال' });
    expect(customerErrors).toEqual([]);
    expect(await h.problems()).toEqual([]);
  });
});
