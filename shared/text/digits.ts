/**
 * Staff type on Arabic keyboards, so every input accepts Eastern Arabic (٠-٩) and Persian (۰-۹)
 * digits; they are folded to ASCII before validating or storing.
 */
const EASTERN_ARABIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : EASTERN_ARABIC_ZERO;
    return String(code - zero);
  });
}

/** Digits only: for identifiers typed with spaces or dashes. */
export function digitsOnly(text: string): string {
  return toLatinDigits(text).replace(/\D/g, '');
}
