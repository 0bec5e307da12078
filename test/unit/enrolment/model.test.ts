import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnrolmentInput } from '../../../shared/enrolment/contact-input.ts';
import { CONSENT_TEXT_VERSION, ConfirmInput, MemberLinkInput, UpdateMeInput } from '../../../shared/enrolment/model.ts';
import { zodProblems } from '../../../shared/http/problem.ts';

const valid = {
  plpId: '01JD0000000000000000000000',
  name: 'Marie Dupont',
  address: { street: 'Rue de l’Église', number: '12A', postcode: '1082' },
  phone: '0470 12 34 56',
  email: 'Marie@Example.be',
  language: 'fr',
  channels: ['sms', 'email'],
  consent: true,
};

function paths(input: unknown): string[] {
  const r = EnrolmentInput.safeParse(input);
  expect(r.success).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
}

describe('EnrolmentInput', () => {
  it('accepts a full enrolment and lower-cases the e-mail', () => {
    const r = EnrolmentInput.parse(valid);
    expect(r.email).toBe('marie@example.be');
    expect(r.channels).toEqual(['sms', 'email']);
  });

  it('accepts one contact with its channel', () => {
    const { email: _e, ...smsOnly } = valid;
    expect(EnrolmentInput.safeParse({ ...smsOnly, channels: ['sms'] }).success).toBe(true);
    const { phone: _p, ...emailOnly } = valid;
    expect(EnrolmentInput.safeParse({ ...emailOnly, channels: ['email'] }).success).toBe(true);
  });

  it('requires at least one contact', () => {
    const { phone: _p, email: _e, ...none } = valid;
    expect(paths(none)).toEqual(expect.arrayContaining(['phone', 'email']));
  });

  it('requires the contact of each channel', () => {
    const { phone: _p, ...noPhone } = valid;
    expect(paths(noPhone)).toEqual(['phone']);
    const { email: _e, ...noEmail } = valid;
    expect(paths(noEmail)).toEqual(['email']);
  });

  it('requires consent to be true', () => {
    expect(paths({ ...valid, consent: false })).toEqual(['consent']);
    const { consent: _c, ...noConsent } = valid;
    expect(paths(noConsent)).toEqual(['consent']);
  });

  it('requires a non-empty list of distinct channels', () => {
    expect(paths({ ...valid, channels: [] })).toEqual(['channels']);
    expect(paths({ ...valid, channels: ['sms', 'sms'] })).toEqual(['channels']);
    expect(paths({ ...valid, channels: ['fax'] })).toEqual(['channels.0']);
  });

  it('checks the fields', () => {
    expect(paths({ ...valid, name: '' })).toEqual(['name']);
    expect(paths({ ...valid, name: 'x'.repeat(121) })).toEqual(['name']);
    expect(paths({ ...valid, address: { ...valid.address, postcode: '0999' } })).toEqual(['address.postcode']);
    expect(paths({ ...valid, address: { ...valid.address, number: '12345678901' } })).toEqual(['address.number']);
    expect(paths({ ...valid, address: { ...valid.address, street: '' } })).toEqual(['address.street']);
    expect(paths({ ...valid, phone: '0'.repeat(33) })).toEqual(['phone']);
    // A foreign or malformed number is reported in the same answer as the other mistakes.
    expect(paths({ ...valid, phone: '+33612345678', consent: false }).sort()).toEqual(['consent', 'phone']);
    expect(paths({ ...valid, phone: '12' })).toEqual(['phone']);
    expect(paths({ ...valid, email: 'not-an-email' })).toEqual(['email']);
    expect(paths({ ...valid, language: 'es' })).toEqual(['language']);
  });

  it('refuses unknown fields', () => {
    expect(paths({ ...valid, admin: true })).toEqual(['']);
    expect(paths({ ...valid, address: { ...valid.address, box: '3' } })).toEqual(['address']);
  });

  it('never throws on arbitrary input, and what it accepts keeps the contact rules', () => {
    const channel = fc.constantFrom('sms', 'email', 'fax');
    const nearlyValid = fc.record(
      {
        plpId: fc.oneof(fc.string(), fc.constant(valid.plpId)),
        name: fc.oneof(fc.string(), fc.constant(valid.name)),
        address: fc.oneof(fc.anything(), fc.constant(valid.address)),
        phone: fc.oneof(fc.string({ maxLength: 40 }), fc.constant(valid.phone), fc.anything()),
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.constant(valid.email)),
        language: fc.constantFrom('fr', 'nl', 'de', 'en', 'es', ''),
        channels: fc.oneof(fc.array(channel, { maxLength: 3 }), fc.anything()),
        consent: fc.oneof(fc.constant(true), fc.anything()),
      },
      { requiredKeys: [] },
    );
    // valid itself is one branch, so the accepting side is always reached (the odds of missing it are 0.8^2000)
    const input = fc.oneof(fc.anything(), fc.object(), fc.jsonValue(), nearlyValid, fc.constant(valid));
    let accepted = 0;
    fc.assert(
      fc.property(input, (value) => {
        const r = EnrolmentInput.safeParse(value);
        if (!r.success) return;
        accepted++;
        const v = r.data;
        expect(v.consent).toBe(true);
        expect(v.phone !== undefined || v.email !== undefined).toBe(true);
        expect(v.channels.length).toBeGreaterThan(0);
        expect(new Set(v.channels).size).toBe(v.channels.length);
        if (v.channels.includes('sms')) expect(v.phone).toBeDefined();
        if (v.channels.includes('email')) expect(v.email).toBeDefined();
      }),
      { numRuns: 2000 },
    );
    // the generator does reach the accepting side
    expect(accepted).toBeGreaterThan(0);
  });
});

describe('other public bodies', () => {
  it('ConfirmInput wants six digits (spaces, dashes and dots between them are dropped: typed-input.test.ts)', () => {
    expect(ConfirmInput.safeParse({ code: '012345' }).success).toBe(true);
    for (const code of ['12345', '1234567', '12345a', '123 45', 123456]) {
      expect(ConfirmInput.safeParse({ code }).success).toBe(false);
    }
  });

  it('MemberLinkInput wants a contact', () => {
    expect(MemberLinkInput.safeParse({ contact: '+32470123456' }).success).toBe(true);
    expect(MemberLinkInput.safeParse({ contact: 'x@y.be' }).success).toBe(true);
    expect(MemberLinkInput.safeParse({ contact: '' }).success).toBe(false);
    expect(MemberLinkInput.safeParse({}).success).toBe(false);
  });

  it('UpdateMeInput wants at least one field', () => {
    expect(UpdateMeInput.safeParse({ language: 'nl' }).success).toBe(true);
    expect(UpdateMeInput.safeParse({ channels: ['email'] }).success).toBe(true);
    expect(UpdateMeInput.safeParse({}).success).toBe(false);
    expect(UpdateMeInput.safeParse({ channels: [] }).success).toBe(false);
    expect(UpdateMeInput.safeParse({ name: 'x' }).success).toBe(true); // rectification of the name
    expect(UpdateMeInput.safeParse({ name: '  ' }).success).toBe(false);
    expect(UpdateMeInput.safeParse({ phone: '+32470123456' }).success).toBe(false); // contacts are not changed here
  });

  it('has a consent text version', () => {
    expect(CONSENT_TEXT_VERSION).toBe('2026-11-v1');
  });
});

describe('field codes of the enrolment rules (no validator text reaches an answer)', () => {
  const codesOf = (input: unknown) => {
    const parsed = EnrolmentInput.safeParse(input);
    if (parsed.success) return [];
    return zodProblems(parsed.error).map((p) => [p.path, 'kind' in p ? p.kind.code : 'invalid']);
  };
  const base = {
    plpId: '01JABCDEFGHJKMNPQRSTVWXYZ0',
    name: 'Marie',
    address: { street: 'Rue de la Gare', number: '1', postcode: '1082' },
    language: 'fr',
    consent: true,
  };

  it('names a missing contact, a channel without its contact and a missing house number', () => {
    expect(codesOf({ ...base, channels: ['sms'] })).toEqual([
      ['phone', 'contact_required'],
      ['email', 'contact_required'],
    ]);
    expect(codesOf({ ...base, email: 'a@b.be', channels: ['sms'] })).toEqual([['phone', 'phone_required_for_sms']]);
    expect(codesOf({ ...base, phone: '0470123456', channels: ['email'] })).toEqual([
      ['email', 'email_required_for_email'],
    ]);
    expect(
      codesOf({
        ...base,
        phone: '0470123456',
        channels: ['sms'],
        address: { street: 'Rue de la Gare', postcode: '1082' },
      }),
    ).toEqual([['address.number', 'required']]);
  });
});
