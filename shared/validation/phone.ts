/**
 * Phone numbers through libphonenumber-js (not a hand-written pattern): staff type 05XXXXXXXX,
 * 5XXXXXXXX, 9665…, +9665… or Eastern Arabic digits; the store keeps E.164 (+9665XXXXXXXX).
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { parsePhoneNumberFromString as parseAnyPhone } from 'libphonenumber-js/min';
import { toLatinDigits } from '../text/digits';

export function normaliseSaudiMobile(input: string): string | null {
  const latin = toLatinDigits(input).replace(/[\s\-()]/g, '');
  const withPlus = /^9665\d{8}$/.test(latin) ? `+${latin}` : /^009665/.test(latin) ? `+${latin.slice(2)}` : latin;
  const parsed = parsePhoneNumberFromString(withPlus, 'SA');
  // The `mobile` metadata makes isValid() accept mobile numbers only.
  if (!parsed || !parsed.isValid()) return null;
  if (parsed.country !== 'SA') return null;
  return parsed.number;
}

/** Any valid phone number (landlines and foreign numbers too), E.164; for call logs and contacts. */
export function normaliseAnyPhone(input: string): string | null {
  const latin = toLatinDigits(input).replace(/[\s\-()]/g, '');
  const parsed = parseAnyPhone(latin.startsWith('00') ? `+${latin.slice(2)}` : latin, 'SA');
  return parsed && parsed.isValid() ? parsed.number : null;
}

/**
 * A stored number as staff read and dial it: Saudi numbers in the national form they type
 * (056 111 2222), others in international form (+20 10 1234 5678). Anything that does not parse
 * is shown as stored, never hidden.
 */
export function displayPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const parsed = parseAnyPhone(stored);
  if (!parsed) return stored;
  return parsed.country === 'SA' ? parsed.formatNational() : parsed.formatInternational();
}
