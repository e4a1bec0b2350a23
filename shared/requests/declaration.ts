/**
 * The applicant's declaration: a versioned text with placeholders filled from the request, and
 * the canonical content that the seal's SHA-256 covers. The hash itself is computed in main
 * (node:crypto); what it covers is decided here so both sides agree.
 */
export const DECLARATION_PLACEHOLDERS = ['name', 'idNumber', 'mobile', 'supportType', 'amount', 'items', 'date'] as const;
export type DeclarationData = Record<(typeof DECLARATION_PLACEHOLDERS)[number], string>;

/** In the policy's own words: the applicant confirms the data and bears direct responsibility. */
export const DEFAULT_DECLARATION_AR =
  'أقر أنا {{name}}، رقم الهوية {{idNumber}}، رقم الجوال {{mobile}}، بأن جميع البيانات والمعلومات التي قدمتها إلى جمعية خزام التعاونية متعددة الأغراض في طلب الدعم ({{supportType}}) صحيحة، وأنني مسؤول مسؤولية مباشرة عن صحة المعلومات. ' +
  'المطلوب: {{amount}} {{items}}. ' +
  'وقد أُوضح لي أن طلبي سيرفع إلى لجنة البحث لدراسته والرد عليه بشأن قبوله أو رفضه خلال مدة لا تقل عن أسبوعين. ' +
  'التاريخ: {{date}}.';

export function fillDeclaration(template: string, data: DeclarationData): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) =>
    Object.hasOwn(data, key) ? (data as Record<string, string>)[key]!.trim() : whole,
  ).replace(/\s+/g, ' ').trim();
}

export interface SealContent {
  requestId: string;
  beneficiaryId: string;
  supportType: string;
  amount: number | null;
  items: string | null;
  justification: string;
  checklist: { key: string; verified: boolean; documentNumber: string | null; expiryDate: string | null }[];
  declarationVersion: number;
  declarationText: string;
  signatureMethod: 'screen' | 'paper';
  /** The PNG as base64 for an on-screen signature; for paper, who marked it and when. */
  signature: string;
}

/** Key order fixed and lists sorted, so the same request always gives the same bytes. */
export function canonicalSealContent(c: SealContent): string {
  return JSON.stringify([
    c.requestId,
    c.beneficiaryId,
    c.supportType,
    c.amount,
    c.items,
    c.justification,
    [...c.checklist].sort((a, b) => a.key.localeCompare(b.key)).map((i) => [i.key, i.verified, i.documentNumber, i.expiryDate]),
    c.declarationVersion,
    c.declarationText,
    c.signatureMethod,
    c.signature,
  ]);
}
