import { z } from 'zod';
import { channel } from '../contract/define';
import { STAFF, type Role } from '../auth/roles';
import {
  queueService,
  queueView,
  rateInput,
  referInput,
  referralView,
  staffMember,
  ticketView,
  visitInput,
  visitView,
  REFERRAL_STATUSES,
} from './schemas';

/** Who may answer a referral: the social researchers and those above them. */
export const RESEARCHERS: readonly Role[] = ['social_researcher', 'manager', 'administrator'];

const id = z.string().uuid();

export const walkInsContract = {
  'walkIns:services': channel({ input: z.object({}).optional(), output: z.array(queueService), access: STAFF }),
  'walkIns:queue': channel({ input: z.object({}).optional(), output: queueView, access: STAFF }),
  'walkIns:takeTicket': channel({ input: z.object({ serviceKey: z.string().min(1).max(40) }), output: ticketView, access: STAFF }),
  'walkIns:callNext': channel({ input: z.object({ serviceKey: z.string().max(40).nullish() }), output: ticketView, access: STAFF }),
  'walkIns:noShow': channel({ input: z.object({ ticketId: id }), output: ticketView, access: STAFF }),
  'walkIns:openVisit': channel({
    input: z.object({ ticketId: id.nullish(), beneficiaryId: id, purpose: visitInput.shape.purpose.optional() }),
    output: visitView,
    access: STAFF,
    readsPersonalData: true,
  }),
  'walkIns:getVisit': channel({ input: z.object({ id }), output: visitView, access: STAFF, readsPersonalData: true }),
  'walkIns:saveVisit': channel({ input: z.object({ id, version: z.number().int(), data: visitInput }), output: visitView, access: STAFF }),
  'walkIns:endVisit': channel({ input: z.object({ id }), output: visitView, access: STAFF }),
  'walkIns:forBeneficiary': channel({ input: z.object({ beneficiaryId: id }), output: z.array(visitView), access: STAFF, readsPersonalData: true }),
  'walkIns:researchers': channel({ input: z.object({}).optional(), output: z.array(staffMember), access: STAFF }),
  'walkIns:refer': channel({ input: referInput, output: referralView, access: STAFF }),
  'walkIns:referrals': channel({
    input: z.object({ status: z.enum(REFERRAL_STATUSES).default('open') }),
    output: z.array(referralView),
    access: STAFF,
    readsPersonalData: true,
  }),
  'walkIns:answerReferral': channel({
    input: z.object({ id, answer: z.string().trim().min(1, 'required').max(2000, 'tooLong') }),
    output: referralView,
    access: RESEARCHERS,
  }),
  'walkIns:askRating': channel({ input: z.object({ visitId: id }), output: z.object({ visitId: z.string() }), access: STAFF }),
  'walkIns:customerDisplay': channel({
    input: z.object({}).optional(),
    output: z.object({ nowServing: z.string().nullable(), ratingVisitId: z.string().nullable() }),
    access: STAFF,
  }),
  'walkIns:rate': channel({ input: rateInput, output: z.object({ visitId: z.string(), rating: z.number().int() }), access: STAFF }),
};
