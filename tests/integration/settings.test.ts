/** Settings through the router: validated, audited, and the counter code protected once used. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.dispose();
});

describe('organisation profile', () => {
  it("starts with the first society's details", async () => {
    const r = await call(core, 'settings:organisation', {});
    expect(r).toMatchObject({ ok: true, value: { name: 'جمعية خزام التعاونية متعددة الأغراض', licence: '334' } });
  });

  it('saves a profile typed with Eastern digits, audited, and refuses a bad licence field by field', async () => {
    const bad = await call(core, 'settings:saveOrganisation', { name: '', licence: '٣٣x' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.fields?.map((f) => f.path).sort()).toEqual(['licence', 'name']);

    const saved = await call(core, 'settings:saveOrganisation', { name: 'جمعية خزام', licence: '٣٣٤', headerLines: ['المملكة العربية السعودية', 'منطقة الرياض'] });
    expect(saved).toMatchObject({ ok: true, value: { licence: '334', headerLines: ['المملكة العربية السعودية', 'منطقة الرياض'] } });
    expect(await core.settings.organisation()).toMatchObject({ name: 'جمعية خزام' });
    const audit = await core.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'settings.organisation').execute();
    expect(audit).toEqual([{ action: 'update', entity: 'settings.organisation' }]);
  });

  it('is an administrator-only change', async () => {
    const s = core.sessions.current()!;
    core.sessions.set({ ...s, user: { ...s.user, role: 'receptionist' } });
    expect(await call(core, 'settings:saveOrganisation', { name: 'x', licence: '1' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call(core, 'settings:organisation', {})).ok).toBe(true);
  });
});

describe('counter profile', () => {
  it('renames freely, and changes the code only before any reference was issued with it', async () => {
    expect(await call(core, 'settings:saveCounter', { code: 'k07', name: 'كاونتر النساء' })).toMatchObject({ ok: true, value: { code: 'K07' } });
    expect(await call(core, 'settings:saveCounter', { code: '7K', name: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(core.sessions.current()!.counter).toMatchObject({ code: 'K07', name: 'كاونتر النساء' });
    const created = await call(core, 'beneficiaries:create', { data: beneficiaryFixture() });
    expect(created.ok && (created.value as { reference: string }).reference).toMatch(/-K07-000001$/);
    const refused = await call(core, 'settings:saveCounter', { code: 'K08', name: 'كاونتر النساء' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: { ar: expect.stringContaining('رمز الكاونتر') } } });
  });
});

describe('backups through the router', () => {
  it('creates, lists and verifies backups, exposing names, never paths', async () => {
    const made = await call(core, 'backups:create', {});
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const name = (made.value as { file: string }).file;
    expect(name).toMatch(/^istiqbal-[0-9TZ-]+\.sqlite$/);
    const list = await call(core, 'backups:list', {});
    expect(list.ok && (list.value as { name: string }[]).map((b) => b.name)).toEqual([name]);
    expect(await call(core, 'backups:verify', { name })).toMatchObject({ ok: true, value: { counts: { users: 1 } } });
    expect(await call(core, 'backups:verify', { name: '../istiqbal.sqlite' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('first-run setup', () => {
  it('adds demo data only before setup is finished', async () => {
    const fresh = await createTestCore({ firstRunWizard: 'pending' });
    try {
      expect(await call(fresh, 'setup:status', {})).toEqual({ ok: true, value: { complete: false } });
      expect(await call(fresh, 'setup:seedDemo', { count: 3 })).toEqual({ ok: true, value: { added: 3 } });
      expect(await call(fresh, 'setup:complete', {})).toEqual({ ok: true, value: { complete: true } });
      expect(await call(fresh, 'setup:seedDemo', { count: 3 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    } finally {
      await fresh.dispose();
    }
  });
});

describe('beneficiary categories', () => {
  it('renames, reorders, deactivates and adds categories, audited; the form list shows active ones in order', async () => {
    const all = await call(core, 'beneficiaries:allCategories', {});
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    const list = all.value as { key: string; nameAr: string; nameEn: string; active: boolean }[];
    const [first, second, ...rest] = list;
    const saved = await call(core, 'beneficiaries:saveCategories', {
      categories: [
        { ...second!, nameAr: 'أرامل وأيتام' },
        { ...first!, active: false },
        ...rest,
        { key: null, nameAr: 'أسر السجناء', nameEn: "Prisoners' families", active: true },
      ],
    });
    expect(saved.ok).toBe(true);
    const active = await call(core, 'beneficiaries:categories', {});
    expect(active.ok && (active.value as { nameAr: string }[]).map((c) => c.nameAr)).toEqual([
      'أرامل وأيتام',
      ...rest.map((r) => r.nameAr),
      'أسر السجناء',
    ]);
    const bad = await call(core, 'beneficiaries:saveCategories', { categories: [{ key: null, nameAr: '', nameEn: 'x', active: true }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ path: 'categories.0.nameAr' }] } });
    const audit = await core.db.selectFrom('audit_log').select('entity').where('entity', '=', 'beneficiary_categories').execute();
    expect(audit).toHaveLength(1);
  });
});
