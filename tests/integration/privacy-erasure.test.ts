/**
 * Erasure reaches every domain, on a real SQLite file through the router: a person with rows in
 * every domain is erased (a completed deletion request, or the retention purge), then every text
 * column of every table is searched for her name, phone and ID and nothing is found; the rows that
 * count for statistics (how many, of what type, when) are still there; one audit entry says what
 * was erased per domain, with no personal data, and the chain still verifies.
 */
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { call, createTestCore, TEST_ADMIN, ok } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { createPersonEverywhere, PERSON, PERSON_NEEDLES, type PersonRecords } from '../support/person-everywhere';
import type { AuditVerification } from '../../shared/audit/schemas';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;
let core: TestCore;
afterEach(async () => {
  await core?.dispose();
});


/** Every (table, column) holding one of the needles, whatever the column's declared type. */
async function findEverywhere(needles: readonly string[]): Promise<string[]> {
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(core.db);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const columns = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${name})`.execute(core.db);
    for (const column of columns.rows) {
      for (const needle of needles) {
        const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(name)} WHERE instr(CAST(${sql.ref(column.name)} AS TEXT), ${needle}) > 0`.execute(core.db);
        if (Number(r.rows[0]!.n) > 0) found.push(`${name}.${column.name} ∋ ${needle}`);
      }
    }
  }
  return found;
}

/** Rows per table that statistics count on. */
async function counts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of ['beneficiaries', 'household_members', 'consents', 'visits', 'queue_tickets', 'referrals', 'satisfaction_ratings', 'support_requests', 'request_checklist_items', 'request_decisions', 'service_deliveries', 'calls', 'letters', 'contacts', 'volunteers']) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(core.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

/** Someone else, who must come out of the erasure untouched. */
async function bystander() {
  const b = await ok<{ id: string }>(call(core, 'beneficiaries:create', { data: beneficiaryFixture({ idNumber: '1000000008', mobile: '0551112233', firstName: 'سلمان', familyName: 'الدوسري', household: [] }) }));
  await ok(call(core, 'calls:create', { direction: 'incoming', phone: '0551112233', beneficiaryId: b.id, callerName: 'سلمان', topic: 'request_status', summary: 'يسأل سلمان عن موعده', outcome: 'info_given', durationSeconds: 20 }));
  return b.id;
}

async function expectErased(person: PersonRecords, before: Record<string, number>, reason: RegExp) {
  expect(await findEverywhere(PERSON_NEEDLES)).toEqual([]);
  // The scanned letter's file is gone from the disk too.
  expect(existsSync(core.channels.attachments.pathOf(person.attachmentSha))).toBe(false);

  // What statistics count on survives: the same rows, their types, amounts, ratings and dates.
  expect(await counts()).toEqual(before);
  const db = core.db;
  const calls = await db.selectFrom('calls').select(['topic', 'direction', 'duration_seconds', 'started_at', 'outcome', 'caller_name', 'phone']).where('summary', '=', '—').orderBy('topic').execute();
  expect(calls).toMatchObject([
    { topic: 'appointment', direction: 'incoming', duration_seconds: 30, outcome: 'answered', caller_name: null, phone: '' },
    { topic: 'request_status', direction: 'incoming', duration_seconds: 60, outcome: 'info_given', caller_name: null, phone: '' },
  ]);
  expect(calls.every((c) => !!c.started_at)).toBe(true);
  const request = await db.selectFrom('support_requests').selectAll().where('id', '=', person.requestId).executeTakeFirstOrThrow();
  expect(request).toMatchObject({ support_type: 'food_basket', status: 'delivered', reference: expect.stringMatching(/^R-/), signature_png: null, declaration_text: null });
  expect(request.submitted_at).not.toBeNull();
  expect(await db.selectFrom('service_deliveries').select(['quantity', 'delivered_on']).where('request_id', '=', person.requestId).executeTakeFirstOrThrow()).toMatchObject({ quantity: 1, delivered_on: expect.any(String) });
  expect(await db.selectFrom('request_decisions').select('decision').where('request_id', '=', person.requestId).execute()).toEqual([{ decision: 'accept' }]);
  expect(await db.selectFrom('visits').select(['purpose', 'qa_json']).where('id', '=', person.visitId).executeTakeFirstOrThrow()).toEqual({ purpose: 'new_request', qa_json: '[]' });
  expect(await db.selectFrom('satisfaction_ratings').select(['rating', 'comment']).where('visit_id', '=', person.visitId).executeTakeFirstOrThrow()).toEqual({ rating: 5, comment: null });
  expect(await db.selectFrom('letters').select(['kind', 'letter_date', 'entity']).where('id', '=', person.letterId).executeTakeFirstOrThrow()).toEqual({ kind: 'incoming', letter_date: '2026-11-20', entity: 'الضمان الاجتماعي' });
  expect((await db.selectFrom('contacts').select('channel').where('summary', '=', '—').orderBy('channel').execute()).map((c) => c.channel)).toEqual(['social_media', 'website']);
  expect(await db.selectFrom('beneficiaries').select(['gender', 'category', 'city', 'nationality']).where('id', '=', person.beneficiaryId).executeTakeFirstOrThrow()).toMatchObject({ gender: 'female', nationality: 'SA' });

  // One audit entry for the erasure, with counts per domain and nothing personal in it.
  const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'purge').where('entity', '=', 'beneficiary').where('entity_id', '=', person.beneficiaryId).execute();
  expect(entries).toHaveLength(1);
  const after = JSON.parse(entries[0]!.after_json!) as { reason: string; counts: Record<string, number> };
  expect(after.reason).toMatch(reason);
  expect(after.counts).toMatchObject({
    beneficiaries: 1,
    household_members: 1,
    consents: 1,
    visits: 1,
    referrals: 1,
    satisfaction_ratings: 1,
    support_requests: 1,
    request_checklist_items: 3,
    request_decisions: 1,
    service_deliveries: 1,
    calls: 2,
    letters: 1,
    attachments: 1,
    contacts: 2,
    volunteers: 1,
  });
  expect(after.counts.audit_snapshots).toBeGreaterThan(10);
  expect(await ok<AuditVerification>(call(core, 'audit:verify', {}))).toMatchObject({ ok: true });
}

describe('erasure reaches every domain', () => {
  it('a completed deletion request erases the person everywhere in one transaction, and keeps the statistics', async () => {
    core = await createTestCore();
    const person = await createPersonEverywhere(core);
    const other = await bystander();
    expect((await findEverywhere(PERSON_NEEDLES)).length).toBeGreaterThan(20);
    const before = await counts();

    await ok(call(core, 'privacy:closeRequest', { id: person.deletionRequestId, status: 'completed', outcome: 'نُفذ الحذف' }));
    await expectErased(person, before, /^data_subject_request:/);
    // The bystander's record and call are as they were.
    expect(await core.db.selectFrom('beneficiaries').select(['first_name', 'mobile']).where('id', '=', other).executeTakeFirstOrThrow()).toEqual({ first_name: 'سلمان', mobile: '+966551112233' });
    expect(await core.db.selectFrom('calls').select(['caller_name', 'summary']).where('beneficiary_id', '=', other).executeTakeFirstOrThrow()).toEqual({ caller_name: 'سلمان', summary: 'يسأل سلمان عن موعده' });
  }, 60_000);

  it('an erasure that fails part-way leaves everything as it was (one transaction)', async () => {
    core = await createTestCore();
    const person = await createPersonEverywhere(core);
    // A trigger that refuses the last step (the registry record) makes the whole erasure roll back.
    await sql`CREATE TRIGGER refuse_erasure BEFORE UPDATE OF first_name ON beneficiaries BEGIN SELECT RAISE(ABORT, 'refused for the test'); END`.execute(core.db);
    const r = await call(core, 'privacy:closeRequest', { id: person.deletionRequestId, status: 'completed', outcome: 'x' });
    expect(r.ok).toBe(false);
    const calls = await core.db.selectFrom('calls').select('caller_name').orderBy('caller_name').execute();
    expect(calls.map((c) => c.caller_name)).toEqual([`أم ${PERSON.childName}`, PERSON.firstName]);
    expect(existsSync(core.channels.attachments.pathOf(person.attachmentSha))).toBe(true);
    expect(await core.db.selectFrom('audit_log').select('id').where('action', '=', 'purge').execute()).toEqual([]);
  }, 60_000);

  it('the retention purge erases an expired person the same way', async () => {
    let now = Date.now();
    core = await createTestCore({ clock: { now: () => new Date(now) } });
    const person = await createPersonEverywhere(core);
    // An open data-subject request holds the record: close both first, as staff would.
    await ok(call(core, 'privacy:closeRequest', { id: person.accessRequestId, status: 'completed', outcome: 'سُلمت النسخة' }));
    await ok(call(core, 'privacy:closeRequest', { id: person.deletionRequestId, status: 'refused', outcome: 'نظام يلزم بالحفظ' }));
    const before = await counts();
    const rules = await core.db.selectFrom('retention_rules').select('keep_days').where('record_type', '=', 'beneficiary').executeTakeFirstOrThrow();
    now += (rules.keep_days + 1) * 86_400_000;
    await ok(call(core, 'auth:signIn', { username: TEST_ADMIN.username, password: TEST_ADMIN.password }));
    const result = await ok<{ results: { recordType: string; count: number }[] }>(call(core, 'privacy:runPurge', { confirm: 'purge' }));
    expect(result.results.find((r) => r.recordType === 'beneficiary')?.count).toBe(1);
    await expectErased(person, before, /^retention:beneficiary$/);
  }, 60_000);
});
