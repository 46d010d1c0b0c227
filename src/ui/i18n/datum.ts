import { MAANDNAMEN as MAANDEN } from '../../domain/model/dates.ts';

/** "2026-11-23" → "23 november 2026", as people write it; anything else is shown as is. */
export function datumNl(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MAANDEN[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
