/**
 * Keywords of inbound SMS to the shortcode (case-insensitive, in fr, nl, de, en):
 * JOIN / INSCRIRE / AANMELDEN / ANMELDEN <plpCode>, STOP / ARRET / ARRÊT / STOPP,
 * HELP / AIDE / HULP / HILFE. A join keyword without a (well-formed) code counts as a request for help.
 * STOP and HELP words count only as the whole message (trailing punctuation allowed); anything else is
 * returned as text.
 */
import { PlpCode } from '../directory/model.ts';
import type { Language } from '../i18n/languages.ts';
import { SMS_KEYWORDS } from '../i18n/messages.ts';

export type SmsKeyword =
  | { kind: 'join'; plpCode: string; language?: Language }
  | { kind: 'stop'; language?: Language }
  | { kind: 'help'; language?: Language }
  | { kind: 'other'; text: string };

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Keyword → the language it implies, from the same table the help messages show (SMS_KEYWORDS). A word
 * shared by several languages (STOP: nl and en) implies none.
 */
function vocabulary(kind: 'join' | 'stop' | 'help'): Record<string, Language | undefined> {
  const byWord = new Map<string, Language[]>();
  for (const [language, words] of Object.entries(SMS_KEYWORDS) as [Language, (typeof SMS_KEYWORDS)[Language]][]) {
    const word = fold(words[kind]);
    byWord.set(word, [...(byWord.get(word) ?? []), language]);
  }
  return Object.fromEntries(
    [...byWord].map(([word, languages]) => [word, languages.length === 1 ? languages[0] : undefined]),
  );
}
const JOIN = vocabulary('join');
const STOP = vocabulary('stop');
const HELP = vocabulary('help');

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
