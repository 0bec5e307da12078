/** The feedback the police owe a reporter, in hours after the report (a per-PLP setting later; issue 17). */
export const DEFAULT_FEEDBACK_HOURS = 72;

const yearFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' });

/** The year a reference counts in: the year in Brussels at the time of the report. */
export const referenceYear = (at: Date): number => Number(yearFormat.format(at));

/** `<commune NIS>-<year>-<6-digit sequence>`, e.g. `21003-2026-000123` (beyond 999 999 it grows a digit). */
export const formatReference = (communeNis: string, year: number, sequence: number): string =>
  `${communeNis}-${year}-${String(sequence).padStart(6, '0')}`;
