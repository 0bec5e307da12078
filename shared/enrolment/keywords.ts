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

/**
 * Words that tell one language from the others in a short text (a greeting, a question): function words and
 * everyday words found in one of the four languages only, folded like keywords. Shared words (`de`, `is`,
 * `hallo`, `auto`) are left out.
 */
const TELLING_WORDS: Record<Language, readonly string[]> = {
  fr: [
    'bonjour',
    'bonsoir',
    'salut',
    'merci',
    'je',
    'suis',
    'est',
    'une',
    'le',
    'la',
    'les',
    'des',
    'du',
    'et',
    'pour',
    'avec',
    'dans',
    'pas',
    'vous',
    'rue',
    'voiture',
    'oui',
    'non',
    'aide',
    'comment',
    'quoi',
    'mon',
    'ma',
  ],
  nl: [
    'goedendag',
    'goeiedag',
    'dag',
    'dank',
    'bedankt',
    'ik',
    'ben',
    'een',
    'het',
    'voor',
    'met',
    'niet',
    'jij',
    'straat',
    'nee',
    'hulp',
    'hoe',
    'wat',
    'mijn',
    'graag',
    'wij',
    'zijn',
    'van',
  ],
  de: [
    'guten',
    'tag',
    'danke',
    'ich',
    'bin',
    'ist',
    'ein',
    'eine',
    'der',
    'die',
    'das',
    'und',
    'fur',
    'mit',
    'nicht',
    'strasse',
    'nein',
    'hilfe',
    'wie',
    'was',
    'mein',
    'bitte',
    'wir',
    'sind',
    'von',
  ],
  en: [
    'hello',
    'hi',
    'thanks',
    'thank',
    'i',
    'am',
    'the',
    'and',
    'for',
    'with',
    'you',
    'street',
    'yes',
    'no',
    'how',
    'what',
    'my',
    'please',
    'we',
    'are',
    'of',
  ],
};
const WORD_LANGUAGES = new Map<string, Language>(
  (Object.entries(TELLING_WORDS) as [Language, readonly string[]][]).flatMap(([language, words]) =>
    words.map((w) => [w, language] as const),
  ),
);

/**
 * The language a text is written in, when its words tell (more telling words of one language than of any
 * other); undefined when they do not (a number, an unknown word, a tie).
 */
export function textLanguage(text: string): Language | undefined {
  const counts = new Map<Language, number>();
  for (const word of fold(text).split(/[^\p{L}]+/u)) {
    const language = WORD_LANGUAGES.get(word);
    if (language) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0 || ranked[1]?.[1] === ranked[0]![1]) return undefined;
  return ranked[0]![0];
}
