/** Support requests (طلب دعم مستفيد): types, checklist, inputs and views, shared by router and forms. */
import { z } from 'zod';
import { choice, optionalGregorianDay, optionalText, requiredText } from '../validation/fields';
import { toLatinDigits } from '../text/digits';
import { REQUEST_STATUSES } from './status';

export const SUPPORT_TYPES = ['financial', 'food_basket', 'rent', 'utility_bills', 'medical', 'education', 'in_kind', 'other'] as const;
export type SupportType = (typeof SUPPORT_TYPES)[number];

/** One required document or datum of a service type's checklist. */
export const checklistItemDef = z.object({
  key: z.string().trim().min(1, 'required').max(40, 'tooLong').regex(/^[a-z0-9_]+$/, 'invalid'),
  labelAr: requiredText(120),
  labelEn: requiredText(120),
  needsNumber: z.boolean().default(false),
  needsExpiry: z.boolean().default(false),
  /** An identity document: its copy is never stored (PDPL Art. 28), only its details. */
  identity: z.boolean().default(false),
});
export type ChecklistItemDef = z.output<typeof checklistItemDef>;

export const supportTypeView = z.object({
  key: z.enum(SUPPORT_TYPES),
  nameAr: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
  checklist: z.array(checklistItemDef),
});
export type SupportTypeView = z.infer<typeof supportTypeView>;

export const saveSupportTypeInput = z.object({
  key: z.enum(SUPPORT_TYPES),
  nameAr: requiredText(80),
  nameEn: requiredText(80),
  active: z.boolean().default(true),
  checklist: z
    .array(checklistItemDef)
    .max(20, 'tooLong')
    .refine((items) => new Set(items.map((i) => i.key)).size === items.length, 'checklist.duplicateKey'),
});

export const declarationView = z.object({ version: z.number().int(), textAr: z.string(), createdAt: z.string(), createdBy: z.string() });
export type DeclarationView = z.infer<typeof declarationView>;
export const saveDeclarationInput = z.object({
  textAr: requiredText(4000).refine((s) => s.includes('{{name}}') && s.includes('{{idNumber}}'), 'declaration.placeholders'),
});

/** An amount in riyals typed with any digits (Arabic separators too); empty means not given. */
export const requestAmount = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(toLatinDigits(v).replace(/[,٬\s]/g, '').replace('٫', '.'));
    if (!Number.isFinite(n) || n < 0 || n > 10_000_000) {
      ctx.addIssue({ code: 'custom', message: 'amount.invalid' });
      return z.NEVER;
    }
    return Math.round(n * 100) / 100;
  });

/** A quantity of items typed with any digits. */
const optionalQuantity = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v, ctx) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(toLatinDigits(v).trim());
    if (!Number.isInteger(n) || n < 1 || n > 100_000) {
      ctx.addIssue({ code: 'custom', message: 'quantity.invalid' });
      return z.NEVER;
    }
    return n;
  });

export const requestDraftInput = z
  .object({
    supportType: choice(SUPPORT_TYPES),
    amount: requestAmount,
    items: optionalText(500),
    justification: requiredText(2000),
  })
  .superRefine((r, ctx) => {
    // Something must be asked for: money, or the items.
    if (r.amount === null && r.items === null) ctx.addIssue({ code: 'custom', message: 'request.nothingAsked', path: ['amount'] });
    if (r.amount === 0) ctx.addIssue({ code: 'custom', message: 'amount.positive', path: ['amount'] });
  });
export type RequestDraftInput = z.input<typeof requestDraftInput>;

export const verifyItemInput = z.object({
  requestId: z.string().uuid(),
  itemId: z.string().uuid(),
  verified: z.boolean(),
  documentNumber: optionalText(40),
  expiryDate: optionalGregorianDay,
  note: optionalText(300),
});

export const signInput = z.discriminatedUnion('method', [
  z.object({
    id: z.string().uuid(),
    version: z.number().int(),
    method: z.literal('screen'),
    // A PNG data URL from the signature pad; bounded so a runaway canvas cannot fill the store.
    signaturePng: z
      .string()
      .max(400_000, 'signature.tooLarge')
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'signature.invalid'),
  }),
  z.object({ id: z.string().uuid(), version: z.number().int(), method: z.literal('paper') }),
]);

export const DECISIONS = ['accept', 'reject', 'request_info'] as const;
export const decideInput = z.object({
  id: z.string().uuid(),
  decision: choice(DECISIONS),
  reason: requiredText(1000),
});

export const deliverInput = z.object({
  id: z.string().uuid(),
  description: requiredText(300),
  amount: requestAmount,
  quantity: optionalQuantity,
  deliveredOn: optionalGregorianDay.refine((d) => d !== null, 'required'),
});

export const checklistEntryView = z.object({
  id: z.string(),
  key: z.string(),
  labelAr: z.string(),
  labelEn: z.string(),
  needsNumber: z.boolean(),
  needsExpiry: z.boolean(),
  identity: z.boolean(),
  verified: z.boolean(),
  documentNumber: z.string().nullable(),
  expiryDate: z.string().nullable(),
  note: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
});
export type ChecklistEntryView = z.infer<typeof checklistEntryView>;

export const decisionView = z.object({
  decision: z.enum(DECISIONS),
  reason: z.string(),
  at: z.string(),
  by: z.string(),
});

export const deliveryView = z.object({
  id: z.string(),
  reference: z.string(),
  description: z.string(),
  amount: z.number().nullable(),
  quantity: z.number().nullable(),
  deliveredOn: z.string(),
  at: z.string(),
  by: z.string(),
});
export type DeliveryView = z.infer<typeof deliveryView>;

export const sealView = z.object({
  method: z.enum(['screen', 'paper']),
  declarationVersion: z.number().int(),
  declarationText: z.string(),
  signaturePng: z.string().nullable(),
  signedAt: z.string(),
  markedBy: z.string(),
  hash: z.string(),
  /** False once anything the seal covers changed after signing: the declaration is void. */
  valid: z.boolean(),
});

export const requestView = z.object({
  id: z.string(),
  reference: z.string().nullable(),
  beneficiaryId: z.string(),
  beneficiaryName: z.string(),
  beneficiaryReference: z.string(),
  maskedId: z.string(),
  visitId: z.string().nullable(),
  supportType: z.enum(SUPPORT_TYPES),
  amount: z.number().nullable(),
  items: z.string().nullable(),
  justification: z.string(),
  status: z.enum(REQUEST_STATUSES),
  version: z.number().int(),
  checklist: z.array(checklistEntryView),
  checklistComplete: z.boolean(),
  seal: sealView.nullable(),
  submittedAt: z.string().nullable(),
  earliestDecisionAt: z.string().nullable(),
  decisions: z.array(decisionView),
  deliveries: z.array(deliveryView),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type RequestView = z.infer<typeof requestView>;

export const pendingRequest = z.object({
  id: z.string(),
  reference: z.string(),
  beneficiaryName: z.string(),
  supportType: z.enum(SUPPORT_TYPES),
  amount: z.number().nullable(),
  items: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  submittedAt: z.string(),
  daysSinceSubmission: z.number().int(),
  earliestDecisionAt: z.string(),
});
export type PendingRequest = z.infer<typeof pendingRequest>;
