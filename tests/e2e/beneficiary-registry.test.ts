/**
 * The registry end to end: search in Arabic with the keyboard, create with bad input then fix
 * it, hit the duplicate stop, edit the household. Screenshots under tests/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { beneficiaryFixture } from '../support/fixtures';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const s = h.core.sessions.current()!;
  const actor = { userId: s.user.id, counterId: s.counter.id, counterCode: s.counter.code };
  await h.core.beneficiaries.create(actor, beneficiaryInput.parse(beneficiaryFixture()), []);
  await h.core.beneficiaries.create(
    actor,
    beneficiaryInput.parse(
      beneficiaryFixture({ idNumber: '1000000016', mobile: '0561112222', firstName: 'فاطمة', fatherName: 'إبراهيم', grandfatherName: 'سعد', familyName: 'الدوسري', gender: 'female' }),
    ),
    [],
  );
});
afterAll(async () => {
  await h?.close();
});

describe('beneficiary registry', () => {
  it('finds a beneficiary by a name fragment typed without hamza, and opens it from the keyboard', async () => {
    const box = h.page.getByTestId('beneficiary-search');
    await box.fill('ابراهيم');
    await h.page.getByTestId('search-result').first().waitFor();
    expect(await h.page.getByTestId('search-result').count()).toBe(1);
    await expect(h.page.getByTestId('search-result').first().textContent()).resolves.toContain('فاطمة إبراهيم سعد الدوسري');
    await h.screenshot('registry-search');
    await box.press('ArrowDown');
    await box.press('Enter');
    await h.page.getByTestId('beneficiary-profile').waitFor();
    await expect(h.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('فاطمة إبراهيم سعد الدوسري');
    await h.page.getByRole('button', { name: 'العودة إلى البحث' }).click();
  });

  it('finds by ID typed in Eastern Arabic digits', async () => {
    const box = h.page.getByTestId('beneficiary-search');
    await box.fill('١٠٠٠٠٠٠٠٠٨');
    await h.page.getByText('1•••••0008').waitFor();
    await box.press('Enter');
    await h.page.getByTestId('beneficiary-profile').waitFor();
    await expect(h.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('أحمد محمد عبد الله القحطاني');
    await h.page.getByRole('button', { name: 'العودة إلى البحث' }).click();
  });

  it('refuses bad input with Arabic messages, keeps what was typed, then saves the fix', async () => {
    await h.page.getByTestId('new-beneficiary').click();
    await h.page.getByTestId('field-idNumber').fill('١٠٠٠٠٠٠٠٢٤');
    await h.page.getByTestId('field-firstName').fill('سلمان');
    await h.page.getByTestId('field-fatherName').fill('عبدالعزيز');
    await h.page.getByTestId('field-grandfatherName').fill('فهد');
    await h.page.getByTestId('field-familyName').fill('الشمري');
    await h.page.getByTestId('field-gender').selectOption('male');
    await h.page.getByTestId('field-birthDate').fill('1990-02-30');
    await h.page.getByTestId('field-mobile').fill('٠١١٢٣٤');
    // Inline: leaving the field shows its problem before any save.
    await h.page.getByTestId('field-mobile').press('Tab');
    await h.page.getByText('رقم الجوال غير صحيح').waitFor();
    await h.page.getByTestId('save-beneficiary').click();
    await h.page.getByTestId('form-error').waitFor();
    await expect(h.page.getByText('رقم الجوال غير صحيح').isVisible()).resolves.toBe(true);
    await expect(h.page.getByText('التاريخ غير صحيح').isVisible()).resolves.toBe(true);
    await h.screenshot('registry-validation');
    // Nothing typed was lost.
    await expect(h.page.getByTestId('field-firstName').inputValue()).resolves.toBe('سلمان');
    await expect(h.page.getByTestId('field-idNumber').inputValue()).resolves.toBe('١٠٠٠٠٠٠٠٢٤');

    await h.page.getByTestId('field-mobile').fill('٠٥٠٧٧٧٦٦٥٥');
    await h.page.getByTestId('field-birthDate').fill('1990-02-28');
    await h.page.getByTestId('save-beneficiary').click();
    await h.page.getByTestId('beneficiary-profile').waitFor();
    await expect(h.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('سلمان عبدالعزيز فهد الشمري');
    const row = await h.core.db.selectFrom('beneficiaries').selectAll().where('id_number', '=', '1000000024').executeTakeFirstOrThrow();
    expect(row.mobile).toBe('+966507776655');
    // Stored E.164, shown as staff type and dial it.
    await expect(h.page.getByTestId('beneficiary-profile').getByText('050 777 6655', { exact: true }).isVisible()).resolves.toBe(true);
    await h.page.getByRole('button', { name: 'العودة إلى البحث' }).click();
  });

  it('stops a duplicate ID while it is typed and links to the existing record', async () => {
    await h.page.getByTestId('new-beneficiary').click();
    await h.page.getByTestId('field-idNumber').fill('1000000016');
    await h.page.getByTestId('duplicate-panel').waitFor();
    await expect(h.page.getByTestId('duplicate-panel').textContent()).resolves.toContain('نفس رقم الهوية');
    await expect(h.page.getByTestId('save-beneficiary').isDisabled()).resolves.toBe(true);
    await h.screenshot('registry-duplicate-stop');
    await h.page.getByTestId('open-duplicate').click();
    await h.page.getByTestId('beneficiary-profile').waitFor();
    await expect(h.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('فاطمة إبراهيم سعد الدوسري');
  });

  it('edits the household and shows it on the profile', async () => {
    await h.page.getByTestId('edit-beneficiary').click();
    await h.page.getByTestId('household-add').click();
    await h.page.getByTestId('household-name-0').fill('ريم');
    await h.page.getByLabel('صلة القرابة').selectOption('daughter');
    await h.page.getByLabel('تاريخ الميلاد', { exact: true }).last().fill('٢٠١٢-٠٥-٠١');
    await h.page.getByLabel('المرحلة الدراسية').selectOption('intermediate');
    await h.screenshot('registry-household-edit');
    await h.page.getByTestId('save-beneficiary').click();
    await h.page.getByTestId('household-table').waitFor();
    const text = await h.page.getByTestId('household-table').textContent();
    expect(text).toContain('ريم');
    expect(text).toContain('ابنة');
    expect(text).toContain('2012-05-01');
    await h.screenshot('registry-profile');
    const members = await h.core.db.selectFrom('household_members').selectAll().execute();
    expect(members.map((m) => [m.name, m.relation, m.schooling])).toEqual([['ريم', 'daughter', 'intermediate']]);
  });

  it('passes axe on the form and the profile, with nothing blocked by the CSP', async () => {
    expect(await h.problems()).toEqual([]);
    expect(await h.axeSeriousViolations()).toEqual([]);
    await h.page.getByTestId('edit-beneficiary').click();
    await h.page.getByTestId('beneficiary-form').waitFor();
    expect(await h.axeSeriousViolations()).toEqual([]);
  });
});
