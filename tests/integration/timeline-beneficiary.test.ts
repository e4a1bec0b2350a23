/** The beneficiary timeline: calls, letters and contacts in one newest-first list, filterable by kind. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, call } from '../support/test-core';
import { beneficiaryFixture } from '../support/fixtures';
import { beneficiaryInput } from '../../shared/beneficiaries/schemas';
import { actorOf } from '../support/channel-fixtures';
import type { TimelineResult } from '../../shared/timeline/schemas';

let c: Awaited<ReturnType<typeof createTestCore>>;
let beneficiaryId: string;
let t = Date.parse('2026-11-20T06:00:00Z');
beforeAll(async () => {
  // A clock that moves a minute per reading, so the order is known.
  c = await createTestCore({ clock: { now: () => new Date((t += 60_000)) } });
  beneficiaryId = (await c.beneficiaries.create(actorOf(c), beneficiaryInput.parse(beneficiaryFixture()), [])).id;
});
afterAll(async () => {
  await c?.dispose();
});

describe('beneficiary timeline', () => {
  it('merges the channels newest first, and filters by kind', async () => {
    const ok = async (channel: string, payload: unknown) => {
      const r = await call(c, channel, payload);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
    };
    await ok('calls:create', { direction: 'incoming', phone: '0551234567', beneficiaryId, topic: 'help_request', summary: 'أول اتصال', outcome: 'answered', durationSeconds: 0 });
    await ok('letters:create', { kind: 'incoming', letterDate: '2026-11-20', entity: 'المستشفى', subject: 'تقرير طبي', beneficiaryId });
    await ok('contacts:create', { channel: 'website', summary: 'طلب عبر الموقع', beneficiaryId });
    await ok('calls:create', { direction: 'outgoing', phone: '0551234567', topic: 'other', summary: 'اتصال غير مرتبط', outcome: 'answered', durationSeconds: 0 });

    const all = await call(c, 'timeline:forBeneficiary', { beneficiaryId });
    if (!all.ok) throw new Error(JSON.stringify(all));
    const r = all.value as TimelineResult;
    expect(r.items.map((i) => i.kind)).toEqual(['contact', 'letter', 'call']);
    expect(r.items[2]!.title.ar).toBe('مكالمة واردة — طلب مساعدة');
    expect(r.items[1]!.title.ar).toBe('خطاب وارد: تقرير طبي');
    expect(r.kinds.map((k) => k.kind).sort()).toEqual(['call', 'contact', 'letter']);

    const onlyLetters = await call(c, 'timeline:forBeneficiary', { beneficiaryId, kinds: ['letter'] });
    expect(onlyLetters.ok && (onlyLetters.value as TimelineResult).items.map((i) => i.kind)).toEqual(['letter']);
  });

  it('takes sources registered by other domains without changes here', async () => {
    c.channels.timeline.register({
      kind: 'interview',
      forBeneficiary: async (id) => [{ id: 'x', kind: 'interview', at: '2030-01-01T00:00:00.000Z', title: { ar: 'مقابلة', en: 'Interview' }, detail: id, reference: null, staffName: null }],
    });
    const r = await call(c, 'timeline:forBeneficiary', { beneficiaryId });
    expect(r.ok && (r.value as TimelineResult).items[0]!.kind).toBe('interview');
  });
});
