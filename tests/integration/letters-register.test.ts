/** The letters register through the router on a real SQLite file: numbering, replies, settings, export. */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, call } from '../support/test-core';
import { actorOf } from '../support/channel-fixtures';
import { letterInput, type LetterInput } from '../../shared/letters/schemas';
import { hijriYear } from '../../shared/dates/calendars';

const cores: Awaited<ReturnType<typeof createTestCore>>[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.dispose();
});
async function core() {
  const c = await createTestCore();
  cores.push(c);
  return c;
}

const incoming = (over: Partial<LetterInput> = {}): LetterInput => ({
  kind: 'incoming',
  letterDate: '٢٠٢٦-١١-٢٥',
  entity: 'وزارة الموارد البشرية والتنمية الاجتماعية',
  subject: 'طلب بيانات المستفيدين من برنامج الإسكان',
  ...over,
});

describe('letters register', () => {
  it('numbers incoming and outgoing letters in the default pattern, per kind, with the Hijri year', async () => {
    const c = await core();
    const year = hijriYear(new Date());
    const a = await call(c, 'letters:create', incoming());
    const b = await call(c, 'letters:create', incoming({ subject: 'تعميم' }));
    const o = await call(c, 'letters:create', { ...incoming(), kind: 'outgoing', entity: 'بنك التنمية' });
    if (!a.ok || !b.ok || !o.ok) throw new Error(JSON.stringify([a, b, o]));
    expect((a.value as { reference: string }).reference).toBe(`و-${year}-K01-000001`);
    expect((b.value as { reference: string }).reference).toBe(`و-${year}-K01-000002`);
    expect((o.value as { reference: string }).reference).toBe(`ص-${year}-K01-000001`);
    // Eastern digits in the date were accepted and stored in Latin digits.
    expect((a.value as { letterDate: string }).letterDate).toBe('2026-11-25');
  });

  it('never gives two counters the same number, even numbering in parallel', async () => {
    const a = await core();
    const b = await core();
    const write = (c: typeof a, code: string) =>
      Promise.all(Array.from({ length: 30 }, (_, i) => c.channels.letters.create(actorOf(c, code), letterInput.parse(incoming({ subject: `خطاب ${i}` })))));
    // Two counters on their own databases, and two counter codes racing on one database.
    const [onA, onB, onA2] = await Promise.all([write(a, 'K01'), write(b, 'K02'), write(a, 'K03')]);
    const refs = [...onA, ...onB, ...onA2].map((l) => l.reference);
    expect(new Set(refs).size).toBe(90);
    for (const [list, code] of [[onA, 'K01'], [onB, 'K02'], [onA2, 'K03']] as const) {
      const seq = list.map((l) => Number(l.reference.slice(-6))).sort((x, y) => x - y);
      expect(seq).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(list.every((l) => l.reference.includes(`-${code}-`))).toBe(true);
    }
  });

  it('follows a configured pattern and refuses one that could collide', async () => {
    const c = await core();
    const bad = await call(c, 'letters:setReferenceSettings', { pattern: '{kind}/{seq}', incomingMark: 'IN', outgoingMark: 'OUT', digits: 4 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fields?.[0]?.message.ar).toContain('{year}');
    const good = await call(c, 'letters:setReferenceSettings', { pattern: '{counter}/{year}/{kind}/{seq}', incomingMark: 'IN', outgoingMark: 'OUT', digits: 4 });
    expect(good.ok).toBe(true);
    const l = await call(c, 'letters:create', incoming());
    if (!l.ok) throw new Error(JSON.stringify(l));
    expect((l.value as { reference: string }).reference).toBe(`K01/${hijriYear(new Date())}/IN/0001`);
  });

  it('links a reply to its incoming letter, marks the incoming answered and shows the whole chain', async () => {
    const c = await core();
    const actor = actorOf(c);
    const inc = await c.channels.letters.create(actor, letterInput.parse(incoming({ routedTo: 'لجنة البحث الاجتماعي' })));
    expect(inc.status).toBe('routed');
    const reply = await call(c, 'letters:create', { kind: 'outgoing', letterDate: '2026-11-27', entity: inc.entity, subject: 'رد: بيانات المستفيدين', inReplyToId: inc.id });
    if (!reply.ok) throw new Error(JSON.stringify(reply));
    const followUp = await c.channels.letters.create(actor, letterInput.parse(incoming({ subject: 'استيضاح على الرد', inReplyToId: (reply.value as { id: string }).id })));

    const detail = await call(c, 'letters:get', { id: inc.id });
    if (!detail.ok) throw new Error(JSON.stringify(detail));
    const d = detail.value as { letter: { status: string }; chain: { id: string; depth: number; kind: string }[] };
    expect(d.letter.status).toBe('answered');
    expect(d.chain.map((x) => [x.id, x.depth, x.kind])).toEqual([
      [inc.id, 0, 'incoming'],
      [(reply.value as { id: string }).id, 1, 'outgoing'],
      [followUp.id, 2, 'incoming'],
    ]);
    // Opened from the last letter, the same thread comes back.
    const fromEnd = await c.channels.letters.get(followUp.id);
    expect(fromEnd.chain.map((x) => x.id)).toEqual(d.chain.map((x) => x.id));

    // An incoming letter cannot "answer" another incoming one.
    const wrong = await call(c, 'letters:create', incoming({ inReplyToId: inc.id }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('VALIDATION');
    // Nothing of the refused letter was written, and its number was given back.
    const next = await c.channels.letters.create(actor, letterInput.parse(incoming()));
    expect(next.reference.endsWith('000003')).toBe(true);
  });

  it('updates status and routing with an optimistic version check', async () => {
    const c = await core();
    const inc = await c.channels.letters.create(actorOf(c), letterInput.parse(incoming()));
    const routed = await call(c, 'letters:update', { id: inc.id, version: inc.version, status: 'routed', routedTo: 'المدير التنفيذي', replyDue: '2026-12-05' });
    expect(routed.ok).toBe(true);
    const stale = await call(c, 'letters:update', { id: inc.id, version: inc.version, status: 'closed', routedTo: null, replyDue: null });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
    const audit = await c.db.selectFrom('audit_log').select(['action', 'entity']).where('entity', '=', 'letter').execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('searches by reference, by subject without hamza, and exports CSV for Excel', async () => {
    const c = await core();
    const a = await c.channels.letters.create(actorOf(c), letterInput.parse(incoming({ subject: 'إفادة عن أسرة محتاجة' })));
    await c.channels.letters.create(actorOf(c), letterInput.parse(incoming({ subject: 'دعوة لحضور اجتماع', entity: '=HYPERLINK("x")' })));
    const byRef = await call(c, 'letters:search', { query: a.reference });
    expect(byRef.ok && (byRef.value as unknown[]).length).toBe(1);
    const byWord = await call(c, 'letters:search', { query: 'افادة' });
    expect(byWord.ok && (byWord.value as { id: string }[]).map((x) => x.id)).toEqual([a.id]);
    const csv = await call(c, 'letters:exportCsv', { query: '' });
    if (!csv.ok) throw new Error(JSON.stringify(csv));
    const text = (csv.value as { csv: string }).csv;
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(a.reference);
    expect(text).toContain('إفادة عن أسرة محتاجة');
    // A cell that would start a formula is neutralised.
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('gives a receipt for an incoming letter only', async () => {
    const c = await core();
    const inc = await c.channels.letters.create(actorOf(c), letterInput.parse(incoming()));
    const r = await call(c, 'letters:receipt', { id: inc.id });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value).toMatchObject({ reference: inc.reference, subject: inc.subject });
    expect((r.value as { receivedHijri: string }).receivedHijri).toMatch(/هـ|١٤|14/);
    const out = await c.channels.letters.create(actorOf(c), letterInput.parse({ ...incoming(), kind: 'outgoing' }));
    expect((await call(c, 'letters:receipt', { id: out.id })).ok).toBe(false);
  });
});
