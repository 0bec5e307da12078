import { describe, expect, it } from 'vitest';
import { Language } from '../../../shared/i18n/languages.ts';
import {
  emailContent,
  escapeHtml,
  MESSAGE_KINDS,
  type MessageKind,
  type MessageVars,
  SAFETY_REMINDER,
  SMS_KEYWORDS,
  smsText,
} from '../../../shared/i18n/messages.ts';
import { isGsm7, smsSegments, toGsm7Friendly } from '../../../shared/messaging/gsm7.ts';

const languages = Language.options;
const longName = 'Quartier Saint-Gilles Porte de Hal Ouest';
const memberUrl = 'https://plp-alert.be/m/01JABCDEFGHJKMNPQRSTVWXYZ0?t=abcdefghijklmnopqrstuv';
const manageUrl = 'https://plp-alert.be/m/01JABCDEFGHJKMNPQRSTVWXYZ0/manage?t=abcdefghijklmnopqrstuv';
const formUrl = 'https://plp-alert.be/join/01JABCDEFGHJKMNPQRSTVWXYZ0?t=abcdefghijklmnopqrstuv';

const varsOf = (plpName: string): { [K in MessageKind]: MessageVars<K> } => ({
  code: { plpName, code: '482915' },
  welcome: { plpName, memberUrl },
  link: { memberUrl },
  left: { plpName },
  smsStopped: {},
  rejected: { plpName },
  help: {},
});

/** The kinds whose SMS carries a link: two SMS parts allowed, the others fit in one. */
const withLink: readonly MessageKind[] = ['welcome', 'link'];

const cases = languages.flatMap((language) => MESSAGE_KINDS.map((kind) => [kind, language] as const));

describe('message templates', () => {
  it('cover the four languages and seven kinds', () => {
    expect(languages).toEqual(['fr', 'nl', 'de', 'en']);
    expect([...MESSAGE_KINDS].sort()).toEqual(['code', 'help', 'left', 'link', 'rejected', 'smsStopped', 'welcome']);
  });

  it.each(cases)('%s/%s: SMS and email end with the reminder, 101 and 112', (kind, language) => {
    const vars = varsOf(longName)[kind];
    const reminder = SAFETY_REMINDER[language];
    expect(reminder).toMatch(/101.*112/);

    expect(smsText(kind, language, vars)).toMatch(new RegExp(`${escapeRegExp(toGsm7Friendly(reminder))}$`));

    for (const v of [vars, { ...vars, manageUrl }]) {
      const email = emailContent(kind, language, v);
      expect(email.text.endsWith(reminder)).toBe(true);
      expect(email.html).toMatch(new RegExp(`<p>${escapeRegExp(escapeHtml(reminder))}</p>\\s*</body>\\s*</html>$`));
    }
  });

  it.each(cases)('%s/%s: the SMS is GSM-7 and short with a 40-character PLP name', (kind, language) => {
    expect(longName).toHaveLength(40);
    const sms = smsText(kind, language, varsOf(longName)[kind]);
    expect(isGsm7(sms)).toBe(true);
    if (withLink.includes(kind)) expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
    else expect(sms.length).toBeLessThanOrEqual(160);
  });

  it.each(languages)('%s: the code message carries the code (SMS, email subject and body)', (language) => {
    const vars = { plpName: 'Ixelles Centre', code: '482915' };
    expect(smsText('code', language, vars)).toContain('482915');
    const email = emailContent('code', language, vars);
    expect(email.subject).toContain('482915');
    expect(email.text).toContain('482915');
    expect(email.html).toContain('482915');
    expect(email.text).toContain('15');
  });

  it.each(languages)('%s: the code message gives the form link only when there is one', (language) => {
    const vars = { plpName: longName, code: '482915' };
    const reminder = toGsm7Friendly(SAFETY_REMINDER[language]);

    const withForm = smsText('code', language, { ...vars, formUrl });
    expect(withForm).toContain('482915');
    expect(withForm).toContain(` ${formUrl} ${reminder}`);
    expect(withForm.endsWith(reminder)).toBe(true);
    expect(isGsm7(withForm)).toBe(true);
    expect(smsSegments(withForm).segments).toBeLessThanOrEqual(2);
    const email = emailContent('code', language, { ...vars, formUrl });
    expect(email.text).toContain(formUrl);
    expect(email.html).toContain(`href="${escapeHtml(formUrl)}"`);
    expect(email.text.endsWith(SAFETY_REMINDER[language])).toBe(true);

    expect(smsText('code', language, vars)).not.toContain('http');
    const plain = emailContent('code', language, vars);
    expect(plain.text).not.toContain('http');
    expect(plain.html).not.toContain('<a ');
  });

  it('words the form link of the code SMS in each language', () => {
    const vars = { plpName: 'Ixelles Centre', code: '482915', formUrl };
    expect(smsText('code', 'fr', vars)).toContain(`Complétez votre inscription : ${formUrl}`);
    expect(smsText('code', 'nl', vars)).toContain(`Vervolledig uw inschrijving: ${formUrl}`);
    expect(smsText('code', 'de', vars)).toContain(`Anmeldung abschließen: ${formUrl}`);
    expect(smsText('code', 'en', vars)).toContain(`Complete your enrolment: ${formUrl}`);
    expect(() => smsText('code', 'fr', { ...vars, formUrl: 'javascript:alert(1)' })).toThrow();
  });

  it.each(languages)('%s: the link message gives the member link (SMS, email) and nothing else', (language) => {
    const sms = smsText('link', language, { memberUrl });
    expect(sms).toContain(`${memberUrl} ${toGsm7Friendly(SAFETY_REMINDER[language])}`);
    const email = emailContent('link', language, { memberUrl, manageUrl });
    expect(email.html).toContain(`href="${escapeHtml(memberUrl)}"`);
    expect(email.text).toContain(memberUrl);
    expect(email.html).toContain(`href="${escapeHtml(manageUrl)}"`);
    expect(() => smsText('link', language, { memberUrl: 'javascript:alert(1)' })).toThrow();
  });

  it.each(languages)('%s: the SMS-stop confirmation says e-mails still come', (language) => {
    expect(smsText('smsStopped', language, {})).toMatch(/e-mail/i);
    expect(emailContent('smsStopped', language, {}).text).toMatch(/e-mail/i);
  });

  it.each(languages)('%s: the refusal names the PLP and never offers the manage link', (language) => {
    const label = language === 'nl' ? 'BIN Ixelles Centre' : 'PLP Ixelles Centre';
    expect(smsText('rejected', language, { plpName: 'Ixelles Centre' })).toContain(label);
    const email = emailContent('rejected', language, { plpName: 'Ixelles Centre' });
    expect(email.subject).toContain(label);
    expect(email.text).toContain(label);
    // a refused resident has no membership to manage: a stray manageUrl is dropped
    const stray = { plpName: 'Ixelles Centre', manageUrl } as MessageVars<'rejected'>;
    expect(emailContent('rejected', language, stray).html).not.toContain('<a ');
    expect(() => smsText('rejected', language, { plpName: ' ' })).toThrow();
  });

  it.each(languages)('%s: the help SMS lists the keywords of its language', (language) => {
    const sms = smsText('help', language, {});
    const { join, stop, help } = SMS_KEYWORDS[language];
    expect(sms).toContain(`${join} <`);
    expect(sms).toContain(stop);
    expect(sms).toContain(help);
  });

  it('uses the expected keywords', () => {
    expect(smsText('help', 'fr', {})).toMatch(/INSCRIRE <code>.*ARRET.*AIDE/);
    expect(smsText('help', 'nl', {})).toMatch(/AANMELDEN <code>.*STOP.*HULP/);
    expect(smsText('help', 'de', {})).toMatch(/ANMELDEN <Code>.*STOPP.*HILFE/);
    expect(smsText('help', 'en', {})).toMatch(/JOIN <code>.*STOP.*HELP/);
  });

  it.each(languages)('%s: welcome gives the PLP name and the member link; left names the PLP', (language) => {
    const welcome = smsText('welcome', language, { plpName: 'Ixelles Centre', memberUrl });
    expect(welcome).toContain('Ixelles Centre');
    expect(welcome).toContain(memberUrl);
    const email = emailContent('welcome', language, { plpName: 'Ixelles Centre', memberUrl });
    expect(email.html).toContain(`href="${escapeHtml(memberUrl)}"`);
    expect(smsText('left', language, { plpName: 'Ixelles Centre' })).toContain('Ixelles Centre');
  });

  it('prefixes PLP (BIN in Dutch) unless the name already has it', () => {
    expect(smsText('left', 'fr', { plpName: 'Ixelles Centre' })).toContain('PLP Ixelles Centre');
    expect(smsText('left', 'nl', { plpName: 'Gent Zuid' })).toContain('BIN Gent Zuid');
    expect(smsText('left', 'fr', { plpName: 'PLP Ixelles' })).not.toContain('PLP PLP');
  });

  it('makes French SMS GSM-7 (ê, ’) while keeping é and à', () => {
    const sms = smsText('left', 'fr', { plpName: 'Forêt l’Abbaye' });
    expect(sms).toContain("Foret l'Abbaye");
    expect(sms).toContain('quitté');
    expect(sms).toContain('vous-meme');
  });
});

describe('emailContent HTML', () => {
  const evil = '<script>alert("x")</script> & Cie';

  it.each(languages)('%s: escapes the PLP name and sets the lang attribute', (language) => {
    const email = emailContent('welcome', language, { plpName: evil, memberUrl, manageUrl });
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
    expect(email.html).toMatch(new RegExp(`^<!doctype html>\\s*<html lang="${language}">`));
    expect(email.html).toContain('<meta charset="utf-8">');
    // the text part is plain: not escaped
    expect(email.text).toContain(evil);
    expect(email.subject).toContain(evil);
  });

  it('escapes URLs in attributes and includes the manage link only when given', () => {
    const url = 'https://plp-alert.be/m/x?a=1&b="2"';
    const withLink = emailContent('left', 'fr', { plpName: 'Ixelles', manageUrl: url });
    expect(withLink.html).toContain('href="https://plp-alert.be/m/x?a=1&amp;b=&quot;2&quot;"');
    expect(withLink.text).toContain(url);
    expect(emailContent('left', 'fr', { plpName: 'Ixelles' }).html).not.toContain('<a ');
    expect(emailContent('help', 'en', { manageUrl }).html).toContain(`>Manage my membership or leave the PLP</a>`);
  });

  it('refuses invalid variables: a code that is not 6 digits, a javascript: link, an empty name', () => {
    expect(() => smsText('code', 'fr', { plpName: 'X', code: '12345' })).toThrow();
    expect(() => emailContent('welcome', 'fr', { plpName: 'X', memberUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => emailContent('left', 'nl', { plpName: 'X', manageUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => smsText('left', 'de', { plpName: '  ' })).toThrow();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
