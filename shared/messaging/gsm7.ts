/**
 * GSM 03.38 (3GPP TS 23.038) default alphabet: what an SMS can carry at 7 bits per character. A single
 * character outside it turns the whole SMS into UCS-2, which cuts a segment from 160 to 70 characters and
 * multiplies the cost of an alert, hence toGsm7Friendly for the texts we write ourselves.
 */

/** The basic character set (127 characters; 0x1B, the escape to the extension table, left out). */
export const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each of these costs two septets (escape + character). */
export const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

const isGsm7Char = (c: string) => basic.has(c) || extension.has(c);

/** True when the whole text can be sent in the GSM 7-bit alphabet (basic set and extension table). */
export function isGsm7(text: string): boolean {
  for (const c of text) if (!isGsm7Char(c)) return false;
  return true;
}

/** Replacements for characters common in FR/NL/DE/EN texts that are not in GSM-7. */
const REPLACEMENTS: Record<string, string> = {
  // quotes and apostrophes
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '`': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2039': "'",
  '\u203A': "'",
  // dashes, ellipsis, bullets
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u2022': '-',
  '\u00B7': '.',
  // spaces (no-break, narrow no-break, thin, …) and tabs
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\u200B': '',
  '\u00AD': '',
  // letters not in GSM-7 (é è ù ì ò à ä ö ü ñ Ä Ö Ü Ñ É Ç stay: they are in the basic set)
  â: 'a',
  á: 'a',
  ã: 'a',
  ê: 'e',
  ë: 'e',
  î: 'i',
  ï: 'i',
  í: 'i',
  ô: 'o',
  ó: 'o',
  õ: 'o',
  û: 'u',
  ú: 'u',
  ÿ: 'y',
  // ç: GSM has Ç (0x09) only, and "reÇu" reads worse than "recu".
  ç: 'c',
  À: 'A',
  Â: 'A',
  Á: 'A',
  È: 'E',
  Ê: 'E',
  Ë: 'E',
  Î: 'I',
  Ï: 'I',
  Ô: 'O',
  Ù: 'U',
  Û: 'U',
  Ÿ: 'Y',
  œ: 'oe',
  Œ: 'OE',
  '\u00B0': 'o',
};

/**
 * Makes a text GSM-7 where it can without changing its meaning: typographic quotes, dashes, ellipsis and
 * special spaces become their plain equivalents, accented letters missing from GSM-7 lose their accent.
 * Characters with no plain equivalent (emoji, other scripts) are kept: the SMS then goes as UCS-2.
 */
export function toGsm7Friendly(text: string): string {
  let out = '';
  for (const c of text) {
    if (isGsm7Char(c)) out += c;
    else if (c in REPLACEMENTS) out += REPLACEMENTS[c];
    else {
      const stripped = c.normalize('NFD').replace(/\p{M}/gu, '');
      out += stripped && isGsm7(stripped) ? stripped : c;
    }
  }
  return out;
}

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type SmsSegmentInfo = {
  encoding: SmsEncoding;
  /** Number of SMS parts billed (0 for an empty text). */
  segments: number;
  /** Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2). */
  units: number;
  /** Units per part at this length: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
};

/**
 * How many SMS parts a text takes. GSM-7: 160 septets in one SMS, 153 per part when concatenated; UCS-2:
 * 70 code units, 67 per part. An escape sequence or a surrogate pair is never split across two parts.
 */
export function smsSegments(text: string): SmsSegmentInfo {
  const gsm = isGsm7(text);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const costs: number[] = [];
  for (const c of text) costs.push(gsm ? (extension.has(c) ? 2 : 1) : c.length);
  const units = costs.reduce((a, b) => a + b, 0);
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  if (units === 0) return { encoding, segments: 0, units, perSegment: single };
  if (units <= single) return { encoding, segments: 1, units, perSegment: single };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units, perSegment: multi };
}
