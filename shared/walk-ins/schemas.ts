/** The walk-in counter: queue tickets, the interview (visit), referrals and satisfaction. */
import { z } from 'zod';
import { choice, optionalText, requiredText } from '../validation/fields';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const VISIT_PURPOSES = ['inquiry', 'new_request', 'follow_up', 'document_delivery', 'complaint_suggestion', 'other'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];

export const queueService = z.object({
  key: z.string(),
  prefix: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  /** The purpose an interview opened from this service's ticket starts with. */
  defaultPurpose: z.enum(VISIT_PURPOSES),
});
export type QueueService = z.infer<typeof queueService>;

export const ticketView = z.object({
  id: z.string(),
  serviceKey: z.string(),
  label: z.string(),
  number: z.number().int(),
  day: z.string(),
  status: z.enum(TICKET_STATUSES),
  arrivedAt: z.string(),
  calledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  waitingAhead: z.number().int(),
  visitId: z.string().nullable(),
});
export type TicketView = z.infer<typeof ticketView>;

export const queueView = z.object({
  day: z.string(),
  tickets: z.array(ticketView),
  waiting: z.number().int(),
  served: z.number().int(),
  noShows: z.number().int(),
  /** Medians over today's finished tickets, in minutes; null until there is one. */
  medianWaitMinutes: z.number().nullable(),
  medianServiceMinutes: z.number().nullable(),
});
export type QueueView = z.infer<typeof queueView>;

export const qaPair = z.object({ question: requiredText(1000), answer: optionalText(2000) });

export const visitInput = z.object({
  purpose: choice(VISIT_PURPOSES),
  qa: z.array(qaPair).max(30, 'tooLong').default([]),
  notes: optionalText(2000),
});

export const visitView = z.object({
  id: z.string(),
  ticketId: z.string().nullable(),
  ticketLabel: z.string().nullable(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  beneficiaryReference: z.string(),
  purpose: z.enum(VISIT_PURPOSES),
  qa: z.array(z.object({ question: z.string(), answer: z.string().nullable() })),
  notes: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  staffName: z.string(),
  rating: z.number().int().nullable(),
  version: z.number().int(),
});
export type VisitView = z.infer<typeof visitView>;

export const referInput = z.object({
  visitId: z.string().uuid(),
  researcherId: z.string().uuid({ error: 'required' }),
  reason: requiredText(1000),
  requestId: z.string().uuid().nullish(),
});

export const REFERRAL_STATUSES = ['open', 'closed'] as const;
export const referralView = z.object({
  id: z.string(),
  visitId: z.string(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  researcherId: z.string(),
  researcherName: z.string(),
  referredBy: z.string(),
  reason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ReferralView = z.infer<typeof referralView>;

export const rateInput = z.object({
  visitId: z.string().uuid(),
  rating: z.number({ error: 'rating.invalid' }).int('rating.invalid').min(1, 'rating.invalid').max(5, 'rating.invalid'),
  comment: optionalText(500),
});

export const staffMember = z.object({ id: z.string(), displayName: z.string(), role: z.string() });
