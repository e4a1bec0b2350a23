/**
 * argon2id password hashes (OWASP's minimum: 19 MiB, 2 passes, 1 lane). The hash string carries
 * its own parameters and salt, so raising them later only affects new hashes.
 */
import { hash, verify } from '@node-rs/argon2';
import { canonicalPassword } from '../../shared/auth/password-rules';

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A fixed hash to verify against when the username is unknown, so timing does not reveal which names exist. */
let decoy: Promise<string> | null = null;

export function hashPassword(password: string): Promise<string> {
  return hash(canonicalPassword(password), OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    decoy ??= hash('decoy-password-0', OPTIONS);
    await verify(await decoy, canonicalPassword(password)).catch(() => false);
    return false;
  }
  return verify(stored, canonicalPassword(password)).catch(() => false);
}
