import { describe, expect, it } from 'vitest';
import { allowedActions, daysSince, earliestDecisionDate, REQUEST_ACTIONS, REQUEST_STATUSES, transition } from '../../shared/requests/status';

describe('support request status rules', () => {
  it('walks the happy path draft → submitted → accepted → delivered → closed', () => {
    let s = transition('draft', 'submit');
    expect(s).toEqual({ ok: true, to: 'submitted' });
    s = transition('submitted', 'accept');
    expect(s).toEqual({ ok: true, to: 'accepted' });
    s = transition('accepted', 'deliver');
    expect(s).toEqual({ ok: true, to: 'delivered' });
    expect(transition('delivered', 'close')).toEqual({ ok: true, to: 'closed' });
  });

  it('lets a request that needs more information be edited, re-signed and resubmitted', () => {
    expect(transition('submitted', 'request_info')).toEqual({ ok: true, to: 'more_info_needed' });
    expect(transition('more_info_needed', 'edit')).toEqual({ ok: true, to: 'more_info_needed' });
    expect(transition('more_info_needed', 'sign')).toEqual({ ok: true, to: 'more_info_needed' });
    expect(transition('more_info_needed', 'submit')).toEqual({ ok: true, to: 'submitted' });
  });

  it('refuses illegal moves with an Arabic message naming the action and the status', () => {
    const r = transition('draft', 'deliver');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.ar).toBe('لا يمكن تسجيل تقديم الخدمة وحالته «مسودة».');
    const rejectedDelivery = transition('rejected', 'deliver');
    expect(rejectedDelivery.ok).toBe(false);
    expect(transition('submitted', 'edit').ok).toBe(false);
    expect(transition('accepted', 'reject').ok).toBe(false);
    expect(transition('closed', 'close').ok).toBe(false);
  });

  it('offers exactly the actions the table allows, and nothing leaves a closed request', () => {
    for (const status of REQUEST_STATUSES) {
      for (const action of REQUEST_ACTIONS) {
        expect(transition(status, action).ok).toBe(allowedActions(status).includes(action));
      }
    }
    expect(allowedActions('closed')).toEqual([]);
    // Delivery is reachable only through acceptance.
    const deliverFrom = REQUEST_STATUSES.filter((s) => transition(s, 'deliver').ok);
    expect(deliverFrom).toEqual(['accepted']);
  });

  it('puts the earliest decision 14 days after submission and counts SLA days', () => {
    const at = new Date('2026-11-29T09:00:00Z');
    expect(earliestDecisionDate(at).toISOString()).toBe('2026-12-13T09:00:00.000Z');
    expect(daysSince(at, new Date('2026-12-02T08:59:00Z'))).toBe(2);
    expect(daysSince(at, new Date('2026-11-28T00:00:00Z'))).toBe(0);
  });
});
