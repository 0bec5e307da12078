import { describe, expect, it } from 'vitest';
import * as z from '../../../shared/zod.ts';
import * as directoryProblems from '../../../shared/directory/problems.ts';
import * as enrolmentProblems from '../../../shared/enrolment/problems.ts';
import { ConflictError, RateLimitedError, UnavailableError, ValidationError } from '../../../shared/errors.ts';
import { DEFAULT_LANGUAGE, negotiateLanguage, requestLanguage } from '../../../shared/http/language.ts';
import { errorToProblem, zodProblems } from '../../../shared/http/problem.ts';
import type { Language } from '../../../shared/i18n/languages.ts';
import * as genericProblems from '../../../shared/i18n/problems.ts';
import * as reportProblems from '../../../shared/reports/problems.ts';
import type { FieldKind, ProblemKind } from '../../../shared/i18n/problems.ts';

const LANGUAGES: Language[] = ['fr', 'nl', 'de', 'en'];
const modules = [genericProblems, directoryProblems, enrolmentProblems, reportProblems];
const exported = modules.flatMap((m) => Object.entries(m as Record<string, unknown>));
const kinds = exported.filter((e): e is [string, ProblemKind] => typeof (e[1] as ProblemKind)?.slug === 'string');
const fields = exported.filter((e): e is [string, FieldKind] => typeof (e[1] as FieldKind)?.code === 'string');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const body = (answer: ReturnType<typeof errorToProblem>) => JSON.parse(answer?.body as string);

describe('the problem catalogue', () => {
  it('holds the problems and field codes the pages react to', () => {
    expect(new Set(kinds.map(([, k]) => k.slug))).toEqual(
      new Set([
        'validation',
        'invalid-json',
        'body-required',
        'unsupported-media-type',
        'payload-too-large',
        'unauthorized',
        'member-link-invalid',
        'forbidden',
        'mfa-required',
        'not-found',
        'conflict',
        'rate-limited',
        'unavailable',
        'internal-error',
        'invalid-page-token',
        'header-too-large',
        'unreadable-request',
        'invalid-path',
        'unknown-commune',
        'postcodes-outside-commune',
        'illegal-transition',
        'already-exists',
        'outside-zone',
        'plp-not-enrolling',
        'invalid-phone',
        'country-not-allowed',
        'not-mobile',
        'sms-stopped',
        'contact-rate-limited',
        'code-wrong',
        'code-attempts-exhausted',
        'code-expired',
        'code-locked',
        'already-confirmed',
        'code-pending',
        'details-required',
        'enrolment-decided',
        'no-change-pending',
        'contact-unchanged',
        'contact-taken',
        'not-a-member',
        'plp-required',
        'observed-at-out-of-range',
      ]),
    );
  });

  it.each(kinds)('%s: a kebab-case slug, and a title and detail in every language with the same variables', (_, k) => {
    expect(k.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    for (const language of LANGUAGES) {
      expect(k.title[language].trim()).not.toBe('');
      expect(k.detail[language].trim()).not.toBe('');
      expect(placeholders(k.title[language])).toEqual([]);
      expect(placeholders(k.detail[language])).toEqual(placeholders(k.detail.en));
    }
    expect(new Set(LANGUAGES.map((l) => k.detail[l])).size).toBe(4);
  });

  it.each(fields)('%s: a snake_case code and a message in every language with the same variables', (_, f) => {
    expect(f.code).toMatch(/^[a-z]+(_[a-z]+)*$/);
    for (const language of LANGUAGES) {
      expect(f.message[language].trim()).not.toBe('');
      expect(placeholders(f.message[language])).toEqual(placeholders(f.message.en));
    }
  });

  it('gives one status and one title to each slug, and one message to each field code', () => {
    const bySlug = new Map<string, ProblemKind>();
    for (const [, k] of kinds) {
      const first = bySlug.get(k.slug) ?? k;
      bySlug.set(k.slug, first);
      expect([k.slug, k.status, k.title]).toEqual([k.slug, first.status, first.title]);
    }
    const byCode = new Map<string, FieldKind>();
    for (const [, f] of fields) {
      expect(byCode.get(f.code) ?? f, f.code).toBe(f);
      byCode.set(f.code, f);
    }
  });
});

describe('negotiateLanguage (Accept-Language)', () => {
  it.each([
    [undefined, DEFAULT_LANGUAGE],
    ['', DEFAULT_LANGUAGE],
    ['fr', 'fr'],
    ['nl-BE,nl;q=0.9,en;q=0.8', 'nl'],
    ['de-DE', 'de'],
    ['EN-gb', 'en'],
    ['es-ES,es;q=0.9,fr;q=0.4,nl;q=0.6', 'nl'],
    ['en;q=0.5, fr;q=0.5', 'en'],
    ['fr;q=0, nl;q=0.1', 'nl'],
    ['es, it', DEFAULT_LANGUAGE],
    ['*', DEFAULT_LANGUAGE],
    ['*;q=0.1, de;q=0.2', 'de'],
    ['fr;q=abc, de', 'de'],
    ['  de ;  q=0.7 , fr ; q=0.9 ', 'fr'],
  ] as const)('%j → %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('answers in English when nothing names one of the four languages', () => {
    expect(DEFAULT_LANGUAGE).toBe('en');
  });

  it('prefers a valid language in the body over Accept-Language', () => {
    const event = { headers: { 'accept-language': 'de' } };
    expect(requestLanguage(event, { language: 'nl' })).toBe('nl');
    expect(requestLanguage(event, { language: 'es' })).toBe('de');
    expect(requestLanguage(event, { language: 3 })).toBe('de');
    expect(requestLanguage(event, ['nl'])).toBe('de');
    expect(requestLanguage(event, undefined)).toBe('de');
    expect(requestLanguage({ headers: {} }, null)).toBe('en');
  });
});

describe('zodProblems: a code per field from the issue, never the validator text', () => {
  const Schema = z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'give your name'), z.maxLength(5)),
    pin: z.string().check(z.minLength(4)),
    email: z.email(),
    postcode: z.string().check(z.regex(/^\d{4}$/)),
    language: z.enum(['fr', 'nl']),
    consent: z.literal(true),
    tags: z.array(z.string()).check(z.minLength(1), z.maxLength(2)),
    n: z.number().check(z.gte(1), z.lte(10)),
    custom: z.string().check(z.refine((v) => v === 'ok', 'must be ok')),
    own: z.string().check(
      z.superRefine((v, ctx) => {
        if (v !== 'ok')
          ctx.addIssue({ code: 'custom', message: 'x', params: { field: enrolmentProblems.notMobileField } });
      }),
    ),
  });
  const problems = (value: unknown, language: Language = 'en') => {
    const parsed = z.safeParse(Schema, value, { reportInput: true });
    if (parsed.success) throw new Error('expected a refusal');
    return body(
      errorToProblem(new ValidationError(genericProblems.validationProblem, zodProblems(parsed.error)), language),
    ).errors as { path: string; code: string; message: string }[];
  };
  const codes = (value: unknown) => Object.fromEntries(problems(value).map((e) => [e.path, e.code]));

  it('maps each kind of issue to its code', () => {
    expect(
      codes({
        name: '  ',
        pin: 'ab',
        email: 'nope',
        postcode: '10820',
        language: 'de',
        consent: false,
        tags: [],
        n: 0,
        custom: 'no',
        own: 'no',
        extra: 1,
      }),
    ).toEqual({
      name: 'required',
      pin: 'too_short',
      email: 'invalid_email',
      postcode: 'invalid_format',
      language: 'invalid_value',
      consent: 'required',
      tags: 'too_few',
      n: 'too_small',
      custom: 'invalid',
      own: 'not_mobile',
      extra: 'unknown_field',
    });
    expect(codes({ name: 'abcdefg', pin: 1, tags: ['a', 'b', 'c'], n: 11 })).toMatchObject({
      name: 'too_long',
      pin: 'invalid_type',
      tags: 'too_many',
      n: 'too_big',
      email: 'required',
      consent: 'required',
    });
  });

  it('fills the limits into the messages, in the language asked for', () => {
    const fr = problems({ name: 'abcdefg', pin: 'ab', language: 'de' }, 'fr');
    expect(fr.find((e) => e.path === 'name')?.message).toBe('Au plus 5 caractères.');
    expect(fr.find((e) => e.path === 'pin')?.message).toBe('Au moins 4 caractères.');
    expect(fr.find((e) => e.path === 'language')?.message).toBe('Choisissez parmi : fr, nl.');
  });

  it('never answers zod’s own text, in any language', () => {
    for (const language of LANGUAGES) {
      const text = JSON.stringify(problems({ name: 1, custom: 'no', tags: 'x', extra: 1 }, language));
      expect(text).not.toMatch(
        /Invalid input|expected (a |an )?(string|number|array|object|boolean)|received|Too (small|big)|must be ok|give your name/i,
      );
    }
  });

  it('joins nested paths, with the request part as prefix', () => {
    const parsed = z.safeParse(z.object({ address: z.object({ street: z.string() }) }), { address: {} });
    expect(parsed.success ? [] : zodProblems(parsed.error, 'query')).toMatchObject([{ path: 'query.address.street' }]);
  });
});

describe('errorToProblem', () => {
  it('renders a kind in each language, with its variables', () => {
    const error = new ValidationError(
      enrolmentProblems.postcodeOutsideZoneProblem,
      [{ path: 'address.postcode', kind: enrolmentProblems.postcodeOutsideZoneField, vars: { plp: 'Berchem Gare' } }],
      { vars: { plp: 'Berchem Gare' } },
    );
    expect(error.message).toBe('This postcode is not in the zone of Berchem Gare.');
    const answers = Object.fromEntries(LANGUAGES.map((l) => [l, body(errorToProblem(error, l))]));
    expect(answers.fr).toEqual({
      type: 'https://plp-alert.be/problems/outside-zone',
      title: 'Adresse hors zone',
      status: 400,
      detail: "Ce code postal n'est pas dans la zone de Berchem Gare.",
      errors: [
        {
          path: 'address.postcode',
          code: 'outside_zone_postcode',
          message: "Ce code postal n'est pas dans la zone de Berchem Gare.",
        },
      ],
    });
    expect(answers.nl.title).toBe('Adres buiten de zone');
    expect(answers.de.detail).toBe('Diese Postleitzahl liegt nicht im Gebiet von Berchem Gare.');
    expect(answers.en.errors[0].code).toBe('outside_zone_postcode');
  });

  it('gives an error made from a plain message the generic kind of its class', () => {
    expect(body(errorToProblem(new ConflictError('taken'), 'nl'))).toMatchObject({
      type: 'https://plp-alert.be/problems/conflict',
      title: 'Conflict',
      status: 409,
    });
    const limited = errorToProblem(new RateLimitedError('slow', 30), 'de');
    expect(limited?.headers?.['retry-after']).toBe('30');
    expect(body(limited)).toMatchObject({ type: 'https://plp-alert.be/problems/rate-limited', status: 429 });
    const old = body(errorToProblem(new ValidationError('old', [{ path: 'x', message: 'older text' }])));
    expect(old.errors).toEqual([{ path: 'x', code: 'invalid', message: 'older text' }]);
  });

  it('keeps the status, the retry-after and the kind of an unavailable dependency', () => {
    const answer = errorToProblem(new UnavailableError('down', 7), 'fr');
    expect(answer?.statusCode).toBe(503);
    expect(answer?.headers?.['retry-after']).toBe('7');
    expect(body(answer)).toMatchObject({
      type: 'https://plp-alert.be/problems/unavailable',
      title: 'Temporairement indisponible',
    });
  });
});
