/** The registry through the real router over a real SQLite file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestCore } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import type { BeneficiaryView } from '../../shared/beneficiaries/schemas';

let core: Awaited<ReturnType<typeof createTestCore>>;
beforeEach(async () => {
  core = await createTestCore();
});
afterEach(async () => {
  await core.dispose();
});

async function create(overrides = {}, acknowledgedWarnings: string[] = []): Promise<BeneficiaryView> {
  const r = await call(core, 'beneficiaries:create', { data: beneficiaryFixture(overrides), acknowledgedWarnings });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as BeneficiaryView;
}

describe('creating a beneficiary', () => {
  it('stores normalised values with a UUIDv7 id, a counter reference and an audit entry', async () => {
    const b = await create({ idNumber: '١٠٠٠٠٠٠٠٠٨', mobile: '٠٥٥١٢٣٤٥٦٧' });
    expect(b.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.reference).toMatch(/^B-14\d\d-K01-000001$/);
    expect(b.idNumber).toBe('1000000008');
    expect(b.mobile).toBe('+966551234567');
    const audit = await core.db.selectFrom('audit_log').selectAll().where('entity_id', '=', b.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('create');
    expect(JSON.parse(audit[0]!.after_json!).idNumber).toBe('1000000008');
  });

  it('numbers references in sequence per counter', async () => {
    const a = await create();
    const b = await create({ idNumber: '1000000016', mobile: '0551234568', firstName: 'سعد' });
    expect(a.reference.endsWith('-000001')).toBe(true);
    expect(b.reference.endsWith('-000002')).toBe(true);
  });

  it('stops a second record with the same ID number, pointing to the first', async () => {
    const first = await create();
    const r = await call(core, 'beneficiaries:create', {
      data: beneficiaryFixture({ mobile: '0559999999', firstName: 'سعد' }),
      acknowledgedWarnings: [],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('DUPLICATE');
    expect(r.error.details?.existingId).toBe(first.id);
    expect(r.error.fields?.[0]?.path).toBe('idNumber');
    expect(r.error.message.ar).toContain('رقم الهوية');
    const count = await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('the database itself refuses a duplicate live ID, whatever path writes it', async () => {
    await create();
    const row = await core.db.selectFrom('beneficiaries').selectAll().executeTakeFirstOrThrow();
    await expect(
      core.db.insertInto('beneficiaries').values({ ...row, id: 'other', reference: 'B-0-K01-999999' }).execute(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('warns on the same mobile and on the same name and birth year until acknowledged', async () => {
    const first = await create();
    const sameFamilyPhone = { idNumber: '1000000016', firstName: 'نورة', gender: 'female' as const };
    const refused = await call(core, 'beneficiaries:create', { data: beneficiaryFixture(sameFamilyPhone), acknowledgedWarnings: [] });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('DUPLICATE');
    expect(refused.error.details?.warnings).toBe(`same_phone:${first.id}`);

    const accepted = await create(sameFamilyPhone, [`same_phone:${first.id}`]);
    expect(accepted.reference.endsWith('-000002')).toBe(true);

    const sameName = await call(core, 'beneficiaries:checkDuplicates', {
      idNumber: '1000000024',
      mobile: '0500000000',
      firstName: 'احمد',
      fatherName: 'محمد',
      grandfatherName: 'عبدالله',
      familyName: 'القحطانى',
      birthYear: 1985,
    });
    expect(sameName.ok && sameName.value).toEqual([expect.objectContaining({ id: first.id, reason: 'same_name_birth_year' })]);
  });

  it('refuses bad input field by field, with Arabic and English messages, and writes nothing', async () => {
    const r = await call(core, 'beneficiaries:create', {
      data: beneficiaryFixture({ idNumber: '1000000007', mobile: '123' }),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.fields).toEqual([
      { path: 'data.mobile', message: { ar: expect.stringContaining('الجوال'), en: expect.stringContaining('mobile') } },
    ]);
    const count = await core.db.selectFrom('beneficiaries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('editing a beneficiary', () => {
  it('updates fields and the household in one versioned, audited change', async () => {
    const b = await create({ household: [{ relation: 'son', name: 'سعد', disability: false }] });
    const son = b.household[0]!;
    const r = await call(core, 'beneficiaries:update', {
      id: b.id,
      version: b.version,
      data: beneficiaryFixture({
        city: 'الخرج',
        household: [
          { id: son.id, relation: 'son', name: 'سعد', birthDate: '٢٠١٠-٠٣-٠١', schooling: 'intermediate', disability: true },
          { relation: 'daughter', name: 'نورة', disability: false },
        ],
      }),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const after = r.value as BeneficiaryView;
    expect(after.version).toBe(2);
    expect(after.city).toBe('الخرج');
    expect(after.household.map((m) => [m.name, m.birthDate, m.disability])).toEqual([
      ['سعد', '2010-03-01', true],
      ['نورة', null, false],
    ]);
    expect(after.household[0]!.id).toBe(son.id);

    const removed = await call(core, 'beneficiaries:update', { id: b.id, version: 2, data: beneficiaryFixture({ household: [] }) });
    expect(removed.ok && (removed.value as BeneficiaryView).household).toEqual([]);
    const audit = await core.db.selectFrom('audit_log').select(['action']).where('entity_id', '=', b.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('refuses an edit made on a stale copy, keeping the newer data', async () => {
    const b = await create();
    await call(core, 'beneficiaries:update', { id: b.id, version: 1, data: beneficiaryFixture({ city: 'الرياض' }) });
    const stale = await call(core, 'beneficiaries:update', { id: b.id, version: 1, data: beneficiaryFixture({ city: 'الدلم' }) });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.error.code).toBe('CONFLICT');
    const now = await call(core, 'beneficiaries:get', { id: b.id });
    expect(now.ok && (now.value as BeneficiaryView).city).toBe('الرياض');
  });
});

describe('search', () => {
  beforeEach(async () => {
    await create();
    await create({ idNumber: '1000000016', mobile: '0561112222', firstName: 'فاطمة', fatherName: 'إبراهيم', grandfatherName: 'سعد', familyName: 'الدوسري', gender: 'female' });
  });
  const search = async (query: string) => {
    const r = await call(core, 'beneficiaries:search', { query });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as { fullName: string; matchedBy: string; maskedId: string }[];
  };

  it('finds by full ID number, in any digits, showing it masked', async () => {
    const [hit] = await search('١٠٠٠٠٠٠٠١٦');
    expect(hit).toMatchObject({ fullName: 'فاطمة إبراهيم سعد الدوسري', matchedBy: 'id', maskedId: '1•••••0016' });
  });
  it('finds by mobile in local or international form', async () => {
    expect((await search('0561112222'))[0]?.matchedBy).toBe('phone');
    expect((await search('+966 56 111 2222'))[0]?.fullName).toContain('فاطمة');
  });
  it('finds by reference', async () => {
    const ref = (await core.db.selectFrom('beneficiaries').select('reference').orderBy('reference').executeTakeFirstOrThrow()).reference;
    expect((await search(ref.toLowerCase()))[0]?.matchedBy).toBe('reference');
  });
  it('finds by any part of the name, across spelling variants', async () => {
    expect((await search('ابراهيم')).map((h) => h.fullName)).toEqual(['فاطمة إبراهيم سعد الدوسري']);
    expect((await search('فاطمه الدوسرى')).length).toBe(1);
    expect((await search('عبدالله')).map((h) => h.fullName)).toEqual(['أحمد محمد عبد الله القحطاني']);
    expect((await search('حطا')).length).toBe(1);
    expect((await search('زيد')).length).toBe(0);
  });
  it('treats quotes and FTS syntax in the query as plain text', async () => {
    expect(await search('"OR 1=1 --')).toEqual([]);
    expect(await search("' OR ''='")).toEqual([]);
    expect(await search('NEAR(احمد محمد)')).toBeDefined();
  });
  it('finds names by a two-letter start', async () => {
    expect((await search('فا')).map((h) => h.fullName)).toEqual(['فاطمة إبراهيم سعد الدوسري']);
  });
});
