/** The phone-call log through the router: lookup by number, linking, follow-ups, day filters, CSV. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, call, ok } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { actorOf } from '../support/channel-fixtures';
import type { CallView } from '../../shared/calls/schemas';

let c: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
beforeAll(async () => {
  c = await createTestCore();
  const b = await c.beneficiaries.create(actorOf(c), beneficiaryInput.parse(beneficiaryFixture({ mobile: '0551234567' })), []);
  beneficiaryId = b.id;
});
afterAll(async () => {
  await c?.dispose();
});


describe('phone-call log', () => {
  it('finds the caller by a number typed in Eastern digits with spaces', async () => {
    const found = await ok<{ phone: string; beneficiaries: { id: string; fullName: string }[] }>(call(c, 'calls:lookup', { phone: '٠٥٥ ١٢٣ ٤٥٦٧' }));
    expect(found.phone).toBe('+966551234567');
    expect(found.beneficiaries.map((b) => b.id)).toEqual([beneficiaryId]);
    expect(found.beneficiaries[0]!.fullName).toBe('أحمد محمد عبد الله القحطاني');
    const landline = await ok<{ phone: string; beneficiaries: unknown[] }>(call(c, 'calls:lookup', { phone: '0114567890' }));
    expect(landline.phone).toBe('+966114567890');
    expect(landline.beneficiaries).toEqual([]);
  });

  it('records a linked call and an unknown caller, refusing a bad number with an Arabic message', async () => {
    const bad = await call(c, 'calls:create', { direction: 'incoming', phone: '١٢٣', topic: 'help_request', summary: 'x', outcome: 'answered', durationSeconds: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.find((f) => f.path === 'phone')?.message.ar).toContain('رقم الهاتف غير صحيح');

    const linked = await ok<CallView>(
      call(c, 'calls:create', { direction: 'incoming', phone: '٠٥٥١٢٣٤٥٦٧', beneficiaryId, topic: 'request_status', summary: 'يسأل عن طلب السلة الغذائية', outcome: 'info_given', durationSeconds: 95 }),
    );
    expect(linked).toMatchObject({ beneficiaryName: 'أحمد محمد عبد الله القحطاني', phone: '+966551234567', durationSeconds: 95, followUp: 'none' });
    const unknown = await ok<CallView>(
      call(c, 'calls:create', { direction: 'incoming', phone: '0114567890', callerName: 'أبو خالد', topic: 'donation', summary: 'يرغب في التبرع', outcome: 'referred', durationSeconds: 40 }),
    );
    expect(unknown.beneficiaryId).toBeNull();
    const again = await ok<{ lastCallerName: string; previousCalls: number }>(call(c, 'calls:lookup', { phone: '0114567890' }));
    expect(again).toMatchObject({ lastCallerName: 'أبو خالد', previousCalls: 1 });
    // An unknown topic is refused.
    const topic = await call(c, 'calls:create', { direction: 'outgoing', phone: '0114567890', topic: 'nope', summary: 'x', outcome: 'answered', durationSeconds: 1 });
    expect(topic.ok).toBe(false);
  });

  it('lists open follow-ups by due date with overdue marked, and closing records who and when', async () => {
    const admin = c.sessions.current()!.user;
    const mk = (due: string, summary: string) =>
      ok<CallView>(call(c, 'calls:create', { direction: 'incoming', phone: '0551234567', beneficiaryId, topic: 'appointment', summary, outcome: 'callback_needed', durationSeconds: 10, followUp: true, followUpDue: due, followUpAssigneeId: admin.id }));
    const needsDue = await call(c, 'calls:create', { direction: 'incoming', phone: '0551234567', topic: 'appointment', summary: 's', outcome: 'callback_needed', durationSeconds: 1, followUp: true });
    expect(needsDue.ok).toBe(false);
    const later = await mk('2099-01-01', 'لاحقاً');
    const overdue = await mk('2020-01-01', 'متأخر');
    const list = await ok<CallView[]>(call(c, 'calls:followUps', {}));
    expect(list.map((x) => x.id)).toEqual([overdue.id, later.id]);
    expect(list.map((x) => x.overdue)).toEqual([true, false]);
    expect(list[0]!.followUpAssigneeName).toBe(admin.displayName);

    const closed = await ok<CallView>(call(c, 'calls:closeFollowUp', { id: overdue.id, note: 'تم الاتصال وتحديد موعد' }));
    expect(closed.followUp).toBe('closed');
    expect(closed.followUpClosedByName).toBe(admin.displayName);
    expect(Date.now() - Date.parse(closed.followUpClosedAt!)).toBeLessThan(60_000);
    expect(closed.overdue).toBe(false);
    const twice = await call(c, 'calls:closeFollowUp', { id: overdue.id });
    expect(twice.ok).toBe(false);
    expect((await ok<CallView[]>(call(c, 'calls:followUps', {}))).map((x) => x.id)).toEqual([later.id]);
    const audit = await c.db.selectFrom('audit_log').select(['after_json', 'user_id']).where('entity', '=', 'call').where('entity_id', '=', overdue.id).where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(admin.id);
    expect(audit.after_json).toContain('follow_up_closed_by');
  });

  it("filters the day's log by direction, topic, staff and link, and exports it", async () => {
    await ok(call(c, 'calls:create', { direction: 'outgoing', phone: '0551234567', beneficiaryId, topic: 'appointment', summary: 'تذكير بالموعد', outcome: 'answered', durationSeconds: 30 }));
    const day = c.channels.calls.today();
    const all = await ok<CallView[]>(call(c, 'calls:list', { day }));
    const outgoing = await ok<CallView[]>(call(c, 'calls:list', { day, direction: 'outgoing' }));
    const unlinked = await ok<CallView[]>(call(c, 'calls:list', { day, linked: 'unlinked' }));
    const donation = await ok<CallView[]>(call(c, 'calls:list', { day, topic: 'donation' }));
    const mine = await ok<CallView[]>(call(c, 'calls:list', { day, staffId: c.sessions.current()!.user.id }));
    expect(all.length).toBe(5);
    expect(outgoing.map((x) => x.summary)).toEqual(['تذكير بالموعد']);
    expect(unlinked.map((x) => x.callerName)).toEqual(['أبو خالد']);
    expect(donation).toHaveLength(1);
    expect(mine).toHaveLength(5);
    expect(await ok<CallView[]>(call(c, 'calls:list', { day: '2001-01-01' }))).toEqual([]);
    const csv = await ok<{ csv: string; rows: number }>(call(c, 'calls:exportCsv', { day, direction: 'incoming' }));
    expect(csv.rows).toBe(4);
    expect(csv.csv).toContain('يرغب في التبرع');
    expect(csv.csv).toContain('تبرع');
    expect(csv.csv.split('\r\n').filter(Boolean)).toHaveLength(5);
  });

  it('lets managers edit the topic list, and refuses duplicate keys', async () => {
    const topics = await ok<{ key: string }[]>(call(c, 'calls:topics', {}));
    const next = [...topics, { key: 'zakat', ar: 'زكاة', en: 'Zakat', active: true }];
    await ok(call(c, 'calls:setTopics', { topics: next }));
    expect((await ok<{ key: string }[]>(call(c, 'calls:topics', {}))).map((t) => t.key)).toContain('zakat');
    const dup = await call(c, 'calls:setTopics', { topics: [...next, next[0]] });
    expect(dup.ok).toBe(false);
  });
});
