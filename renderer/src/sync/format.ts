/** Dates and values of the sync screens, in the UI language (Gregorian with time, Latin digits in LTR values). */
import type { TFunction } from 'i18next';
import type { Language } from '../../../shared/dates/calendars';
import type { SyncInfo } from '../../../shared/session/schemas';

export function formatWhen(iso: string | null | undefined, language: Language): string | null {
  if (!iso) return null;
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-ca-gregory-nu-latn' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Riyadh',
  }).format(new Date(iso));
}

export function conflictValue(json: string | null, empty: string): string {
  if (json === null) return empty;
  const v = JSON.parse(json) as unknown;
  return v === null || v === '' ? empty : String(v);
}

/** The status bar's sync text. */
export function syncStatusText(t: TFunction, info: SyncInfo | undefined, language: Language): string {
  if (!info) return '—';
  return t(`sync.status.${info.state}`, {
    at: formatWhen(info.lastSuccessAt, language) ?? t('sync.never'),
    pending: info.pending ?? 0,
    conflicts: info.conflicts ?? 0,
  });
}
