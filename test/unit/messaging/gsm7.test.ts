import { describe, expect, it } from 'vitest';
import { GSM7_BASIC, GSM7_EXTENSION, isGsm7, smsSegments, toGsm7Friendly } from '../../../shared/messaging/gsm7.ts';

describe('isGsm7', () => {
  it('has the 127 characters of the basic set and the 10 of the extension table', () => {
    expect(new Set(GSM7_BASIC).size).toBe(127);
    expect([...GSM7_BASIC]).toHaveLength(127);
    expect([...GSM7_EXTENSION]).toHaveLength(10);
  });

  it('accepts the basic set, including the accented letters it has', () => {
    expect(isGsm7('Été à Liège: où? ÄÖÜ äöü ñÑ ß Ç @£$¥ èéùìò')).toBe(true);
    expect(isGsm7('line\nbreak\r')).toBe(true);
    expect(isGsm7('')).toBe(true);
  });

  it('accepts the extension table', () => {
    expect(isGsm7('€ [x] {y} ~ | ^ \\')).toBe(true);
  });

  it('rejects characters outside GSM-7', () => {
    for (const c of ['ê', 'â', 'ô', 'î', 'ë', 'ï', 'û', 'ç', '’', '“', '–', '—', '…', '\u00A0', '😀', 'ł']) {
      expect(isGsm7(`a${c}b`), c).toBe(false);
    }
  });
});

describe('toGsm7Friendly', () => {
  it('replaces typographic punctuation and special spaces', () => {
    expect(toGsm7Friendly('l’alerte “rouge” – fin — suite…\u00A0ok\u202F!')).toBe(
      'l\'alerte "rouge" - fin - suite... ok !',
    );
  });

  it('removes accents GSM-7 lacks and keeps those it has', () => {
    expect(toGsm7Friendly('fenêtre âge hôtel île Noël naïf sûr garçon')).toBe(
      'fenetre age hotel ile Noel naif sur garcon',
    );
    const kept = 'é è ù ì ò à ä ö ü ñ Ä Ö Ü Ñ É Ç ß';
    expect(toGsm7Friendly(kept)).toBe(kept);
    expect(toGsm7Friendly('Œuvre cœur ÊTRE À')).toBe('OEuvre coeur ETRE A');
  });

  it('makes ordinary FR/NL/DE texts GSM-7, leaves GSM-7 text unchanged and keeps what has no equivalent', () => {
    const fr = 'N’intervenez jamais vous-même. Reçu à 14 h — « urgence » : 101 / 112…';
    expect(isGsm7(toGsm7Friendly(fr))).toBe(true);
    expect(toGsm7Friendly('Grijp nooit zelf in. €5 [ok]')).toBe('Grijp nooit zelf in. €5 [ok]');
    expect(toGsm7Friendly('ok 😀')).toBe('ok 😀');
    expect(toGsm7Friendly('ł ą')).toBe('ł a');
  });
});

describe('smsSegments', () => {
  it('counts no segment for an empty text', () => {
    expect(smsSegments('')).toMatchObject({ segments: 0, units: 0 });
  });

  it('GSM-7: 160 characters fit one SMS, 161 take two parts of 153', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160, perSegment: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161, perSegment: 153 });
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('GSM-7: extension characters count two septets', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(smsSegments('€'.repeat(80) + 'a')).toMatchObject({ segments: 2, units: 161 });
    expect(smsSegments('a'.repeat(159) + '[')).toMatchObject({ segments: 2, units: 161 });
  });

  it('GSM-7: an escape sequence is not split across two parts', () => {
    // 152 septets then '€' (2): the euro sign moves to the second part, which then holds 151 more.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(151))).toMatchObject({ segments: 2, units: 305 });
    // 306 septets would fit two parts of 153, but not with the escape sequence kept whole.
    expect(smsSegments('a'.repeat(152) + '€' + 'a'.repeat(152))).toMatchObject({ segments: 3, units: 306 });
  });

  it('UCS-2: 70 characters fit one SMS, 71 take two parts of 67', () => {
    expect(smsSegments('ê'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70, perSegment: 70 });
    expect(smsSegments('ê'.repeat(71))).toEqual({ encoding: 'UCS-2', segments: 2, units: 71, perSegment: 67 });
    expect(smsSegments('ê'.repeat(134)).segments).toBe(2);
    expect(smsSegments('ê'.repeat(135)).segments).toBe(3);
  });

  it('UCS-2: one non-GSM character switches the whole text, emoji count two units', () => {
    expect(smsSegments('a'.repeat(69) + '’')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(smsSegments('a'.repeat(70) + '’')).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    expect(smsSegments('😀'.repeat(35) + 'a')).toMatchObject({ segments: 2, units: 71 });
  });

  it('the friendly text of a 161-character UCS-2 message is back to GSM-7', () => {
    const text = 'Fenêtre forcée – rue de l’Église. '.repeat(4);
    expect(smsSegments(text).encoding).toBe('UCS-2');
    expect(smsSegments(toGsm7Friendly(text))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });
});
