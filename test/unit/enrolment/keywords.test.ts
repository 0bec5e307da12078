import { describe, expect, it } from 'vitest';
import { parseSmsKeyword } from '../../../shared/enrolment/keywords.ts';

describe('parseSmsKeyword', () => {
  it.each([
    ['JOIN BERCHEM-CENTRE', 'en'],
    ['join berchem-centre', 'en'],
    ['INSCRIRE BERCHEM-CENTRE', 'fr'],
    ['  Inscrire   Berchem-Centre  ', 'fr'],
    ['AANMELDEN BERCHEM-CENTRE', 'nl'],
    ['aanmelden berchem-centre', 'nl'],
    ['ANMELDEN BERCHEM-CENTRE', 'de'],
    ['Anmelden\nberchem-centre.', 'de'],
  ] as const)('reads %j as a join in %s', (body, language) => {
    expect(parseSmsKeyword(body)).toEqual({ kind: 'join', plpCode: 'BERCHEM-CENTRE', language });
  });

  it.each([
    ['JOIN', 'en'],
    ['inscrire', 'fr'],
    ['Aanmelden ', 'nl'],
    ['ANMELDEN', 'de'],
    ['JOIN ?', 'en'],
    ['join berchem centre', 'en'],
  ] as const)('treats a join without a usable code (%j) as help in %s', (body, language) => {
    expect(parseSmsKeyword(body)).toEqual({ kind: 'help', language });
  });

  it.each([
    ['STOP', undefined],
    ['stop', undefined],
    [' Stop. ', undefined],
    ['ARRET', 'fr'],
    ['arrêt', 'fr'],
    ['ARRÊT!', 'fr'],
    ['STOPP', 'de'],
    ['Stopp', 'de'],
  ] as const)('reads %j as stop (language %s)', (body, language) => {
    const parsed = parseSmsKeyword(body);
    expect(parsed.kind).toBe('stop');
    expect('language' in parsed ? parsed.language : undefined).toBe(language);
    if (language === undefined) expect(parsed).not.toHaveProperty('language');
  });

  it.each([
    ['HELP', 'en'],
    ['help?', 'en'],
    ['AIDE', 'fr'],
    ['Aide', 'fr'],
    ['HULP', 'nl'],
    ['hulp', 'nl'],
    ['HILFE', 'de'],
    ['Hilfe!', 'de'],
  ] as const)('reads %j as help in %s', (body, language) => {
    expect(parseSmsKeyword(body)).toEqual({ kind: 'help', language });
  });

  it.each([
    'Voiture suspecte devant le 12 rue de la Gare',
    'Stop de auto die hier al uren staat',
    'help er staat iemand aan mijn deur',
    'JOINED',
    'stopper',
    '',
  ])('returns anything else (%j) as text', (body) => {
    expect(parseSmsKeyword(body)).toEqual({ kind: 'other', text: body.trim() });
  });

  it('trims the text it returns', () => {
    expect(parseSmsKeyword('  rôdeur rue Dr Charles Leemans  \n')).toEqual({
      kind: 'other',
      text: 'rôdeur rue Dr Charles Leemans',
    });
  });
});
