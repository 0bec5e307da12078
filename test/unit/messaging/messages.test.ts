import { readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { Language } from '../../../shared/i18n/languages.ts';
import {
  emailContent,
  escapeHtml,
  type MessageVars,
  SAFETY_REMINDER,
  SMS_KEYWORDS,
  smsText,
} from '../../../shared/i18n/messages.ts';
import { codeMessage } from '../../../shared/i18n/messages/code.ts';
import { helpMessage } from '../../../shared/i18n/messages/help.ts';
import { type MessageKind, messages } from '../../../shared/i18n/messages/index.ts';
import { leftMessage } from '../../../shared/i18n/messages/left.ts';
import { linkMessage } from '../../../shared/i18n/messages/link.ts';
import { rejectedMessage } from '../../../shared/i18n/messages/rejected.ts';
import { smsStoppedMessage } from '../../../shared/i18n/messages/sms-stopped.ts';
import { welcomeMessage } from '../../../shared/i18n/messages/welcome.ts';
import { isGsm7, smsSegments, toGsm7Friendly } from '../../../shared/messaging/gsm7.ts';
import rendered from './messages.snapshot.json' with { type: 'json' };

const languages = Language.options;
const longName = 'Quartier Saint-Gilles Porte de Hal Ouest';
const memberUrl = 'https://plp-alert.be/m/01JABCDEFGHJKMNPQRSTVWXYZ0?t=abcdefghijklmnopqrstuv';
const manageUrl = 'https://plp-alert.be/m/01JABCDEFGHJKMNPQRSTVWXYZ0/manage?t=abcdefghijklmnopqrstuv';
const formUrl = 'https://plp-alert.be/join/01JABCDEFGHJKMNPQRSTVWXYZ0?t=abcdefghijklmnopqrstuv';

const varsOf = (plpName: string): { [K in MessageKind]: MessageVars<(typeof messages)[K]> } => ({
  code: { plpName, code: '482915' },
  welcome: { plpName, memberUrl },
  link: { memberUrl },
  left: { plpName },
  smsStopped: {},
  rejected: { plpName },
  help: {},
  unknownPlpCode: { plpCode: 'BERCHEM-CENTER', findUrl: 'https://plp-alert.be' },
  smsOptedOut: {},
  awaitingApproval: { plpName },
  reportReceived: { plpName, reference: '21003-2026-000123', feedbackDueAt: '2026-12-02T09:30:00.000Z' },
});

/** The kinds whose SMS carries a link: two SMS parts allowed, the others fit in one. */
const withLink: readonly MessageKind[] = ['welcome', 'link'];

const kinds = Object.keys(messages) as MessageKind[];
const cases = languages.flatMap((language) => kinds.map((kind) => [kind, language] as const));

describe('message templates', () => {
  it('cover the four languages and eleven kinds', () => {
    expect(languages).toEqual(['fr', 'nl', 'de', 'en']);
    expect([...kinds].sort()).toEqual([
      'awaitingApproval',
      'code',
      'help',
      'left',
      'link',
      'rejected',
      'reportReceived',
      'smsOptedOut',
      'smsStopped',
      'unknownPlpCode',
      'welcome',
    ]);
  });

  it.each(cases)('%s/%s: SMS and email end with the reminder, 101 and 112', (kind, language) => {
    const vars = varsOf(longName)[kind];
    const reminder = SAFETY_REMINDER[language];
    expect(reminder).toMatch(/101.*112/);

    expect(smsText(messages[kind], language, vars)).toMatch(new RegExp(`${escapeRegExp(toGsm7Friendly(reminder))}$`));

    for (const v of [vars, { ...vars, manageUrl }]) {
      const email = emailContent(messages[kind], language, v);
      expect(email.text.endsWith(reminder)).toBe(true);
      expect(email.html).toMatch(new RegExp(`<p>${escapeRegExp(escapeHtml(reminder))}</p>\\s*</body>\\s*</html>$`));
    }
  });

  it.each(cases)('%s/%s: the SMS is GSM-7 and short with a 40-character PLP name', (kind, language) => {
    expect(longName).toHaveLength(40);
    const sms = smsText(messages[kind], language, varsOf(longName)[kind]);
    expect(isGsm7(sms)).toBe(true);
    if (withLink.includes(kind)) expect(smsSegments(sms).segments).toBeLessThanOrEqual(2);
    else expect(sms.length).toBeLessThanOrEqual(160);
  });

  it.each(languages)('%s: the code message carries the code (SMS, email subject and body)', (language) => {
    const vars = { plpName: 'Ixelles Centre', code: '482915' };
    expect(smsText(codeMessage, language, vars)).toContain('482915');
    const email = emailContent(codeMessage, language, vars);
    expect(email.subject).toContain('482915');
    expect(email.text).toContain('482915');
    expect(email.html).toContain('482915');
    expect(email.text).toContain('15');
  });

  it.each(languages)('%s: the code message gives the form link only when there is one', (language) => {
    const vars = { plpName: longName, code: '482915' };
    const reminder = toGsm7Friendly(SAFETY_REMINDER[language]);

    const withForm = smsText(codeMessage, language, { ...vars, formUrl });
    expect(withForm).toContain('482915');
    expect(withForm).toContain(` ${formUrl} ${reminder}`);
    expect(withForm.endsWith(reminder)).toBe(true);
    expect(isGsm7(withForm)).toBe(true);
    expect(smsSegments(withForm).segments).toBeLessThanOrEqual(2);
    const email = emailContent(codeMessage, language, { ...vars, formUrl });
    expect(email.text).toContain(formUrl);
    expect(email.html).toContain(`href="${escapeHtml(formUrl)}"`);
    expect(email.text.endsWith(SAFETY_REMINDER[language])).toBe(true);

    expect(smsText(codeMessage, language, vars)).not.toContain('http');
    const plain = emailContent(codeMessage, language, vars);
    expect(plain.text).not.toContain('http');
    expect(plain.html).not.toContain('<a ');
  });

  it('words the form link of the code SMS in each language', () => {
    const vars = { plpName: 'Ixelles Centre', code: '482915', formUrl };
    expect(smsText(codeMessage, 'fr', vars)).toContain(`Complétez votre inscription : ${formUrl}`);
    expect(smsText(codeMessage, 'nl', vars)).toContain(`Vervolledig uw inschrijving: ${formUrl}`);
    expect(smsText(codeMessage, 'de', vars)).toContain(`Anmeldung abschließen: ${formUrl}`);
    expect(smsText(codeMessage, 'en', vars)).toContain(`Complete your enrolment: ${formUrl}`);
    expect(() => smsText(codeMessage, 'fr', { ...vars, formUrl: 'javascript:alert(1)' })).toThrow();
  });

  it.each(languages)('%s: the link message gives the member link (SMS, email) and nothing else', (language) => {
    const sms = smsText(linkMessage, language, { memberUrl });
    expect(sms).toContain(`${memberUrl} ${toGsm7Friendly(SAFETY_REMINDER[language])}`);
    const email = emailContent(linkMessage, language, { memberUrl, manageUrl });
    expect(email.html).toContain(`href="${escapeHtml(memberUrl)}"`);
    expect(email.text).toContain(memberUrl);
    expect(email.html).toContain(`href="${escapeHtml(manageUrl)}"`);
    expect(() => smsText(linkMessage, language, { memberUrl: 'javascript:alert(1)' })).toThrow();
  });

  it.each(languages)('%s: the SMS-stop confirmation says e-mails still come', (language) => {
    expect(smsText(smsStoppedMessage, language, {})).toMatch(/e-mail/i);
    expect(emailContent(smsStoppedMessage, language, {}).text).toMatch(/e-mail/i);
  });

  it.each(languages)('%s: the refusal names the PLP and never offers the manage link', (language) => {
    const label = language === 'nl' ? 'BIN Ixelles Centre' : 'PLP Ixelles Centre';
    expect(smsText(rejectedMessage, language, { plpName: 'Ixelles Centre' })).toContain(label);
    const email = emailContent(rejectedMessage, language, { plpName: 'Ixelles Centre' });
    expect(email.subject).toContain(label);
    expect(email.text).toContain(label);
    // a refused resident has no membership to manage: a stray manageUrl is dropped
    const stray = { plpName: 'Ixelles Centre', manageUrl } as MessageVars<typeof rejectedMessage>;
    expect(emailContent(rejectedMessage, language, stray).html).not.toContain('<a ');
    expect(() => smsText(rejectedMessage, language, { plpName: ' ' })).toThrow();
  });

  it.each(languages)('%s: the help SMS lists the keywords of its language', (language) => {
    const sms = smsText(helpMessage, language, {});
    const { join, stop, help } = SMS_KEYWORDS[language];
    expect(sms).toContain(`${join} <`);
    expect(sms).toContain(stop);
    expect(sms).toContain(help);
  });

  it('uses the expected keywords', () => {
    expect(smsText(helpMessage, 'fr', {})).toMatch(/INSCRIRE <code>.*ARRET.*AIDE/);
    expect(smsText(helpMessage, 'nl', {})).toMatch(/AANMELDEN <code>.*STOP.*HULP/);
    expect(smsText(helpMessage, 'de', {})).toMatch(/ANMELDEN <Code>.*STOPP.*HILFE/);
    expect(smsText(helpMessage, 'en', {})).toMatch(/JOIN <code>.*STOP.*HELP/);
  });

  it.each(languages)('%s: welcome gives the PLP name and the member link; left names the PLP', (language) => {
    const welcome = smsText(welcomeMessage, language, { plpName: 'Ixelles Centre', memberUrl });
    expect(welcome).toContain('Ixelles Centre');
    expect(welcome).toContain(memberUrl);
    const email = emailContent(welcomeMessage, language, { plpName: 'Ixelles Centre', memberUrl });
    expect(email.html).toContain(`href="${escapeHtml(memberUrl)}"`);
    expect(smsText(leftMessage, language, { plpName: 'Ixelles Centre' })).toContain('Ixelles Centre');
  });

  it('prefixes PLP (BIN in Dutch) unless the name already has it', () => {
    expect(smsText(leftMessage, 'fr', { plpName: 'Ixelles Centre' })).toContain('PLP Ixelles Centre');
    expect(smsText(leftMessage, 'nl', { plpName: 'Gent Zuid' })).toContain('BIN Gent Zuid');
    expect(smsText(leftMessage, 'fr', { plpName: 'PLP Ixelles' })).not.toContain('PLP PLP');
  });

  it('makes French SMS GSM-7 (ê, ’) while keeping é and à', () => {
    const sms = smsText(leftMessage, 'fr', { plpName: 'Forêt l’Abbaye' });
    expect(sms).toContain("Foret l'Abbaye");
    expect(sms).toContain('quitté');
    expect(sms).toContain('vous-meme');
  });
});

describe('message modules', () => {
  // messages.snapshot.json: every kind, language and set of variables as rendered before the kinds were split
  // into modules (one TEMPLATES object, commit 7ed1d71). The texts may change on purpose: update the file then.
  it.each(rendered.map((r) => [r.kind, r.language, r] as const))('%s/%s renders as before', (kind, language, r) => {
    const message = messages[kind as MessageKind];
    expect(smsText(message, language as Language, r.vars as never)).toBe(r.sms);
    expect(emailContent(message, language as Language, r.vars as never)).toEqual(r.email);
  });

  const dir = path.resolve(import.meta.dirname, '../../../shared/i18n/messages');
  const modules = readdirSync(dir).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

  it('are all in the index', () => {
    expect(Object.keys(messages)).toHaveLength(modules.length);
  });

  // A bundle holds the kinds its function sends: those a module imports for its other functions are dropped.
  it.each(modules)('%s: nothing of it in a bundle that imports it without sending it', async (file) => {
    const { metafile } = await build({
      stdin: { contents: `import './${file}';`, resolveDir: dir, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      metafile: true,
      logLevel: 'error',
    });
    const inputs = Object.values(metafile.outputs).flatMap((output) => Object.entries(output.inputs));
    expect(inputs.filter(([input, { bytesInOutput }]) => input.endsWith(`/${file}`) && bytesInOutput > 0)).toEqual([]);
  });

  it('type the variables from each schema', () => {
    // @ts-expect-error: welcome takes memberUrl, not url
    expect(() => smsText(welcomeMessage, 'fr', { plpName: 'Ixelles', url: memberUrl })).toThrow();
    // @ts-expect-error: memberUrl is required
    expect(() => emailContent(linkMessage, 'en', {})).toThrow();
  });
});

describe('emailContent HTML', () => {
  const evil = '<script>alert("x")</script> & Cie';

  it.each(languages)('%s: escapes the PLP name and sets the lang attribute', (language) => {
    const email = emailContent(welcomeMessage, language, { plpName: evil, memberUrl, manageUrl });
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
    const withLink = emailContent(leftMessage, 'fr', { plpName: 'Ixelles', manageUrl: url });
    expect(withLink.html).toContain('href="https://plp-alert.be/m/x?a=1&amp;b=&quot;2&quot;"');
    expect(withLink.text).toContain(url);
    expect(emailContent(leftMessage, 'fr', { plpName: 'Ixelles' }).html).not.toContain('<a ');
    expect(emailContent(helpMessage, 'en', { manageUrl }).html).toContain(`>Manage my membership or leave the PLP</a>`);
  });

  it('refuses invalid variables: a code that is not 6 digits, a javascript: link, an empty name', () => {
    expect(() => smsText(codeMessage, 'fr', { plpName: 'X', code: '12345' })).toThrow();
    expect(() => emailContent(welcomeMessage, 'fr', { plpName: 'X', memberUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => emailContent(leftMessage, 'nl', { plpName: 'X', manageUrl: 'javascript:alert(1)' })).toThrow();
    expect(() => smsText(leftMessage, 'de', { plpName: '  ' })).toThrow();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
