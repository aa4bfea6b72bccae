// Calendar arithmetic on ISO dates (UTC, no time zones: news dates are calendar days).

export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** Month index (0-11) from a full or abbreviated name ("Sept.", "Oct"). */
export function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, "");
  if (n === "sept") return 8;
  return MONTHS.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n) && n.length <= 4));
}

export interface Ymd { y: number; m?: number; d?: number }

export function parseIso(iso: string | null | undefined): Ymd | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  const out: Ymd = { y: Number(m[1]) };
  if (m[2]) out.m = Number(m[2]) - 1;
  if (m[3]) out.d = Number(m[3]);
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

export function iso(y: number, m?: number, d?: number): string {
  if (m === undefined) return String(y);
  if (d === undefined) return `${y}-${pad(m + 1)}`;
  return `${y}-${pad(m + 1)}-${pad(d)}`;
}

export function isValidDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m && t.getUTCDate() === d;
}

export function addDays(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate());
}

export function addMonths(y: number, m: number, months: number): string {
  const t = new Date(Date.UTC(y, m + months, 1));
  return iso(t.getUTCFullYear(), t.getUTCMonth());
}

export function weekday(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m, d)).getUTCDay();
}

/** ISO 8601 week ("2026-W09") of a day, shifted by whole weeks. */
export function isoWeek(y: number, m: number, d: number, shiftWeeks = 0): string {
  const t = new Date(Date.UTC(y, m, d + shiftWeeks * 7));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return `${year}-W${pad(week)}`;
}

/** Compare two ISO (partial) dates at the precision both share: -1, 0, 1. */
export function compareIso(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n), y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}
