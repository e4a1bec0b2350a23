/**
 * A large synthetic database for the reports benchmark: N beneficiaries (synthetic-people) and two
 * years of counter activity scaled to N: queue tickets with realistic waiting and service times,
 * visits, ratings, support requests with committee decisions, calls, letters and other-channel
 * contacts, over three counters. Rows go straight in through bulkInsertJson, one transaction per
 * day, so a million beneficiaries take minutes, not hours.
 */
import { sql } from 'kysely';
import type { Db } from '../../main/db/open-database';
import { bulkInsertJson } from '../../main/db/bulk-insert';
import { bulkLoadBeneficiaries } from '../../main/beneficiaries/bulk-load';
import { prng, SYNTHETIC_ROW_COLUMNS, syntheticBeneficiaryRow } from '../../main/demo/synthetic-people';
import { VISIT_PURPOSES } from '../../shared/walk-ins/schemas';
import { SUPPORT_TYPES } from '../../shared/requests/schemas';
import { CONTACT_CHANNELS } from '../../shared/contacts/schemas';
import { LETTER_STATUSES } from '../../shared/letters/schemas';
import { DEFAULT_CALL_TOPICS } from '../../shared/calls/schemas';

const COUNTERS = ['bench-counter-1', 'bench-counter-2', 'bench-counter-3'];
const STAFF = ['bench-staff-1', 'bench-staff-2', 'bench-staff-3', 'bench-staff-4', 'bench-staff-5', 'bench-staff-6'];
const SERVICES = ['support', 'inquiry', 'documents'] as const;
const DAY = 86_400_000;
const MIN = 60_000;

const BENEFICIARY_COLUMNS = SYNTHETIC_ROW_COLUMNS;
const REC = ['id', 'created_at', 'updated_at', 'created_by', 'counter_id'];

export interface Volume {
  beneficiaries: number;
  days: number;
  tickets: number;
  visits: number;
  ratings: number;
  requests: number;
  decisions: number;
  calls: number;
  letters: number;
  contacts: number;
}

export async function seedBeneficiaries(db: Db, rows: number, random: () => number): Promise<void> {
  const at = '2024-11-01T06:00:00.000Z';
  function* batches() {
    for (let start = 0; start < rows; start += 2000) {
      const batch: Record<string, unknown>[] = [];
      for (let n = start; n < Math.min(rows, start + 2000); n++) {
        batch.push(syntheticBeneficiaryRow(n + 1, random, { id: `b-${n}`, reference: `B-1446-K01-${String(n + 1).padStart(7, '0')}`, at, counterId: COUNTERS[n % COUNTERS.length]! }));
      }
      yield batch;
    }
  }
  await bulkLoadBeneficiaries(db, BENEFICIARY_COLUMNS, batches());
}

/**
 * Two years of days ending on `lastDay` (Riyadh). Per day, scaled to the registry: walk-ins ≈ N/5000,
 * calls ≈ N/6700, contacts ≈ N/20000, letters ≈ N/50000 (each at least a few).
 */
export async function seedActivity(db: Db, beneficiaries: number, lastDay: string, random: () => number, days = 730): Promise<Volume> {
  const v: Volume = { beneficiaries, days, tickets: 0, visits: 0, ratings: 0, requests: 0, decisions: 0, calls: 0, letters: 0, contacts: 0 };
  const perDay = { walkIns: Math.max(6, Math.round(beneficiaries / 5000)), calls: Math.max(4, Math.round(beneficiaries / 6700)), contacts: Math.max(2, Math.round(beneficiaries / 20_000)), letters: Math.max(1, Math.round(beneficiaries / 50_000)) };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const last = Date.parse(`${lastDay}T00:00:00Z`);
  let seq = 0;
  for (let d = days - 1; d >= 0; d--) {
    const dayMs = last - d * DAY;
    const day = new Date(dayMs).toISOString().slice(0, 10);
    // Riyadh 08:00 = 05:00 UTC; the counter works six hours.
    const open = dayMs - 3 * 3600_000 + 8 * 3600_000;
    const rows = { tickets: [] as Record<string, unknown>[], visits: [] as Record<string, unknown>[], ratings: [] as Record<string, unknown>[], requests: [] as Record<string, unknown>[], decisions: [] as Record<string, unknown>[], calls: [] as Record<string, unknown>[], letters: [] as Record<string, unknown>[], contacts: [] as Record<string, unknown>[] };
    const numbers = new Map<string, number>();
    for (let i = 0; i < perDay.walkIns; i++) {
      const counter = pick(COUNTERS);
      const service = pick(SERVICES);
      const key = `${counter}|${service}`;
      const number = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, number);
      const arrived = open + Math.floor(random() * 6 * 3600_000);
      const wait = Math.floor(-Math.log(1 - random()) * 9 * MIN);
      const service_ms = 3 * MIN + Math.floor(random() * 20 * MIN);
      const noShow = random() < 0.05;
      const id = `t-${++seq}`;
      const staff = pick(STAFF);
      const visitId = noShow ? null : `v-${seq}`;
      rows.tickets.push({
        id, created_at: iso(arrived), updated_at: iso(arrived), created_by: staff, counter_id: counter,
        service_key: service, day, number, label: `${service[0]!.toUpperCase()}-${String(number).padStart(3, '0')}`,
        status: noShow ? 'no_show' : 'done', arrived_at: iso(arrived), called_at: noShow ? null : iso(arrived + wait), called_by: noShow ? null : staff,
        started_at: noShow ? null : iso(arrived + wait), ended_at: iso(arrived + wait + (noShow ? 0 : service_ms)), visit_id: visitId,
        wait_ms: noShow ? null : wait, service_ms: noShow ? null : service_ms,
      });
      if (!visitId) continue;
      const start = arrived + wait;
      const beneficiary = `b-${Math.floor(random() * beneficiaries)}`;
      const purpose = service === 'support' ? 'new_request' : service === 'documents' ? 'document_delivery' : pick(VISIT_PURPOSES);
      rows.visits.push({ id: visitId, created_at: iso(start), updated_at: iso(start), created_by: staff, counter_id: counter, ticket_id: id, beneficiary_id: beneficiary, purpose, qa_json: '[]', started_at: iso(start), ended_at: iso(start + service_ms), version: 1 });
      if (random() < 0.6) {
        const r = random();
        const rating = r < 0.05 ? 1 : r < 0.1 ? 2 : r < 0.22 ? 3 : r < 0.5 ? 4 : 5;
        rows.ratings.push({ id: `r-${seq}`, created_at: iso(start + service_ms), updated_at: iso(start + service_ms), created_by: staff, counter_id: counter, visit_id: visitId, beneficiary_id: beneficiary, rating, service_key: service, staff_id: staff });
      }
      if (purpose === 'new_request' && random() < 0.7) {
        const submitted = start + service_ms;
        const decidedAfter = (5 + Math.floor(random() * 25)) * DAY;
        const decided = submitted + decidedAfter < last + DAY && random() < 0.95;
        const decision = random() < 0.7 ? 'accept' : random() < 0.6 ? 'reject' : 'request_info';
        const status = !decided ? 'submitted' : decision === 'accept' ? (random() < 0.8 ? 'delivered' : 'accepted') : decision === 'reject' ? 'rejected' : 'more_info_needed';
        const reqId = `q-${seq}`;
        rows.requests.push({
          id: reqId, created_at: iso(start), updated_at: iso(submitted), created_by: staff, counter_id: counter, reference: `R-${seq}`, beneficiary_id: beneficiary, visit_id: visitId,
          support_type: pick(SUPPORT_TYPES), amount: 500 + Math.floor(random() * 3000), justification: 'بيانات تجريبية', status, version: 3, updated_by: staff,
          submitted_at: iso(submitted), earliest_decision_at: iso(submitted + 14 * DAY), decision_ms: decided ? decidedAfter : null,
        });
        if (decided) rows.decisions.push({ id: `d-${seq}`, created_at: iso(submitted + decidedAfter), updated_at: iso(submitted + decidedAfter), created_by: 'bench-committee', counter_id: counter, request_id: reqId, decision, reason: 'قرار تجريبي' });
      }
    }
    for (let i = 0; i < perDay.calls; i++) {
      const at = open + Math.floor(random() * 8 * 3600_000);
      const followUp = random() < 0.1 ? (d < 7 ? 'open' : 'closed') : 'none';
      rows.calls.push({
        id: `c-${++seq}`, created_at: iso(at), updated_at: iso(at), created_by: pick(STAFF), counter_id: pick(COUNTERS), direction: random() < 0.75 ? 'incoming' : 'outgoing',
        phone: `+9665${String(Math.floor(random() * 1e8)).padStart(8, '0')}`, topic: pick(DEFAULT_CALL_TOPICS).key, summary: 'مكالمة تجريبية', outcome: 'answered', started_at: iso(at),
        duration_seconds: 20 + Math.floor(random() * 400), follow_up: followUp, follow_up_due: followUp === 'none' ? null : new Date(at + 3 * DAY).toISOString().slice(0, 10),
      });
    }
    for (let i = 0; i < perDay.letters; i++) {
      const at = open + Math.floor(random() * 6 * 3600_000);
      const status = d < 30 ? pick(LETTER_STATUSES) : random() < 0.9 ? 'closed' : 'answered';
      rows.letters.push({
        id: `l-${++seq}`, created_at: iso(at), updated_at: iso(at), created_by: pick(STAFF), counter_id: pick(COUNTERS), reference: `L-${seq}`, kind: random() < 0.7 ? 'incoming' : 'outgoing',
        letter_date: day, entity: 'جهة تجريبية', subject: 'خطاب تجريبي', status, version: 1, updated_by: 'bench', search_text: 'خطاب تجريبي', reply_due: new Date(at + 10 * DAY).toISOString().slice(0, 10),
      });
    }
    for (let i = 0; i < perDay.contacts; i++) {
      const at = open + Math.floor(random() * 10 * 3600_000);
      rows.contacts.push({ id: `o-${++seq}`, created_at: iso(at), updated_at: iso(at), created_by: pick(STAFF), counter_id: pick(COUNTERS), reference: `O-${seq}`, channel: pick(CONTACT_CHANNELS), summary: 'تواصل تجريبي', status: 'handled' });
    }
    await db.transaction().execute(async (trx) => {
      await bulkInsertJson(trx, 'queue_tickets', [...REC, 'service_key', 'day', 'number', 'label', 'status', 'arrived_at', 'called_at', 'called_by', 'started_at', 'ended_at', 'visit_id', 'wait_ms', 'service_ms'], rows.tickets);
      await bulkInsertJson(trx, 'visits', [...REC, 'ticket_id', 'beneficiary_id', 'purpose', 'qa_json', 'started_at', 'ended_at', 'version'], rows.visits);
      await bulkInsertJson(trx, 'satisfaction_ratings', [...REC, 'visit_id', 'beneficiary_id', 'rating', 'service_key', 'staff_id'], rows.ratings);
      await bulkInsertJson(trx, 'support_requests', [...REC, 'reference', 'beneficiary_id', 'visit_id', 'support_type', 'amount', 'justification', 'status', 'version', 'updated_by', 'submitted_at', 'earliest_decision_at', 'decision_ms'], rows.requests);
      await bulkInsertJson(trx, 'request_decisions', [...REC, 'request_id', 'decision', 'reason'], rows.decisions);
      await bulkInsertJson(trx, 'calls', [...REC, 'direction', 'phone', 'topic', 'summary', 'outcome', 'started_at', 'duration_seconds', 'follow_up', 'follow_up_due'], rows.calls);
      await bulkInsertJson(trx, 'letters', [...REC, 'reference', 'kind', 'letter_date', 'entity', 'subject', 'status', 'version', 'updated_by', 'search_text', 'reply_due'], rows.letters);
      await bulkInsertJson(trx, 'contacts', [...REC, 'reference', 'channel', 'summary', 'status'], rows.contacts);
    });
    v.tickets += rows.tickets.length;
    v.visits += rows.visits.length;
    v.ratings += rows.ratings.length;
    v.requests += rows.requests.length;
    v.decisions += rows.decisions.length;
    v.calls += rows.calls.length;
    v.letters += rows.letters.length;
    v.contacts += rows.contacts.length;
  }
  await sql`ANALYZE`.execute(db);
  return v;
}

export { prng };
