import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Language } from '../i18n/languages.ts';

const LANGUAGES: readonly string[] = ['fr', 'nl', 'de', 'en'];

/**
 * The language of answers when neither the body nor `Accept-Language` names one of ours: English, the one a
 * person whose browser asks for none of French, Dutch or German most likely reads (a browser always sends
 * `Accept-Language`; a Belgian one names fr, nl or de).
 */
export const DEFAULT_LANGUAGE: Language = 'en';

const isLanguage = (value: unknown): value is Language => typeof value === 'string' && LANGUAGES.includes(value);

/**
 * The best of fr / nl / de / en for an `Accept-Language` header (RFC 9110 §12.5.4): by q-value, the first
 * listed on a tie, a region ignored (`nl-BE` → nl), `*` standing for the default, q=0 refused.
 */
export function negotiateLanguage(header: string | undefined): Language {
  let best: Language | undefined;
  let bestQ = 0;
  for (const range of (header ?? '').split(',', 32)) {
    const [tag = '', ...params] = range.split(';');
    const primary = tag.trim().toLowerCase().split('-')[0];
    const language = primary === '*' ? DEFAULT_LANGUAGE : isLanguage(primary) ? primary : undefined;
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (language && Number.isFinite(q) && q > bestQ) [best, bestQ] = [language, q];
  }
  return best ?? DEFAULT_LANGUAGE;
}

/** The body's `language` when it is one of ours, else the best match of `Accept-Language`, else the default. */
export function requestLanguage(event: Pick<APIGatewayProxyEventV2, 'headers'>, body?: unknown): Language {
  const chosen = typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
  if (isLanguage(chosen)) return chosen;
  return negotiateLanguage(event.headers?.['accept-language'] ?? event.headers?.['Accept-Language']);
}
