/** The staff roles of a reception counter. Permissions per channel are declared in the contract. */
export const ROLES = [
  'receptionist',
  'call_staff',
  'social_researcher',
  'committee_member',
  'manager',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

/** Everyone who works at a counter may read the registry. */
export const STAFF: readonly Role[] = ROLES;

/** Roles that may create or change a beneficiary's record. */
export const REGISTRY_WRITERS: readonly Role[] = [
  'receptionist',
  'call_staff',
  'social_researcher',
  'manager',
  'administrator',
];

/** Oversight: the audit trail, data-subject requests and the breach register. */
export const OVERSIGHT: readonly Role[] = ['manager', 'administrator'];

/** Only administrators manage users, policies and destructive privacy operations. */
export const ADMINS: readonly Role[] = ['administrator'];
