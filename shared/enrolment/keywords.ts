/**
 * Keywords of inbound SMS to the shortcode (case-insensitive, in fr, nl, de, en):
 * JOIN / INSCRIRE / AANMELDEN / ANMELDEN <plpCode>, STOP / ARRET / ARRÊT / STOPP,
 * HELP / AIDE / HULP / HILFE. A join keyword without a (well-formed) code counts as a request for help.
 * STOP and HELP words count only as the whole message (trailing punctuation allowed); anything else is
 * returned as text.
 */
import { PlpCode } from '../directory/model.ts';
import type { Language } from '../i18n/languages.ts';

export type SmsKeyword =
  | { kind: 'join'; plpCode: string; language?: Language }
  | { kind: 'stop'; language?: Language }
  | { kind: 'help'; language?: Language }
  | { kind: 'other'; text: string };

const JOIN: Record<string, Language> = { join: 'en', inscrire: 'fr', aanmelden: 'nl', anmelden: 'de' };
// STOP is used in all four languages, so it implies none.
const STOP: Record<string, Language | undefined> = { stop: undefined, arret: 'fr', stopp: 'de' };
const HELP: Record<string, Language> = { help: 'en', aide: 'fr', hulp: 'nl', hilfe: 'de' };

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function withLanguage<T extends object>(value: T, language: Language | undefined): T & { language?: Language } {
  return language === undefined ? value : { ...value, language };
}

export function parseSmsKeyword(body: string): SmsKeyword {
  const text = body.trim();
  const [first = '', ...rest] = text.split(/\s+/u);
  const keyword = fold(first).replace(/[.!?:,;]+$/u, '');
  if (Object.hasOwn(JOIN, keyword)) {
    const language = JOIN[keyword];
    const code = rest[0]?.replace(/[.!?,;]+$/u, '').toUpperCase();
    if (!code || rest.length > 1 || !PlpCode.safeParse(code).success)
      return withLanguage({ kind: 'help' as const }, language);
    return withLanguage({ kind: 'join' as const, plpCode: code }, language);
  }
  if (rest.length === 0 && Object.hasOwn(STOP, keyword)) return withLanguage({ kind: 'stop' as const }, STOP[keyword]);
  if (rest.length === 0 && Object.hasOwn(HELP, keyword)) return withLanguage({ kind: 'help' as const }, HELP[keyword]);
  return { kind: 'other', text };
}
