/**
 * zod compiles fast validators with `new Function` when it may; the CSP forbids eval, so tell
 * zod up front to validate without it, instead of letting it probe and trip a CSP report.
 */
import { z } from 'zod';

z.config({ jitless: true });
