/**
 * The bodies that carry a phone number. They check it with libphonenumber-js (about 38 KB minified, with the
 * Belgian metadata only), so they live in this leaf module: only the functions that take a phone number bundle it.
 */
import * as z from '../zod.ts';
import { IdInput } from '../directory/scalars.ts';
import { Language } from '../i18n/languages.ts';
import { Channels, EmailInput, EnrolmentAddress } from './model.ts';
import { fill } from '../i18n/problems.ts';
import { phoneFieldProblem } from './phone.ts';
import { contactRequiredField, emailForEmailField, phoneForSmsField } from './problems.ts';

/**
 * National or international form; the use case parses it to E.164 against the configured allow-list. Checked
 * here too (default allow-list) so that a form shows a bad number with the other mistakes, in one answer, each
 * with its field code and message in the resident's language (a foreign number: `not_belgian`, "Only Belgian
 * numbers can receive SMS here").
 */
const PhoneInput = z.string().check(
  z.minLength(1),
  z.maxLength(32),
  z.superRefine((v, ctx) => {
    if (v.length > 32) return; // maxLength reported it
    const problem = phoneFieldProblem(v);
    if (problem) {
      const { kind: field, vars } = problem;
      ctx.addIssue({ code: 'custom', message: fill(field.message.en, vars), params: { field, vars } });
    }
  }),
);

export const EnrolmentInput = z
  .strictObject({
    plpId: IdInput,
    name: z.string().check(z.trim(), z.minLength(1, 'give your name'), z.maxLength(120)),
    address: EnrolmentAddress,
    phone: z.optional(PhoneInput),
    email: z.optional(EmailInput),
    language: Language,
    channels: Channels,
    consent: z.literal(true, 'consent is required'),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.phone === undefined && v.email === undefined) {
        const params = { field: contactRequiredField };
        ctx.addIssue({ code: 'custom', path: ['phone'], message: 'give a phone number or an e-mail address', params });
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'give a phone number or an e-mail address', params });
        return;
      }
      if (v.channels.includes('sms') && v.phone === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['phone'],
          message: 'the sms channel needs a phone number',
          params: { field: phoneForSmsField },
        });
      }
      if (v.channels.includes('email') && v.email === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['email'],
          message: 'the email channel needs an e-mail address',
          params: { field: emailForEmailField },
        });
      }
    }),
  );
export type EnrolmentInput = z.infer<typeof EnrolmentInput>;

/** A new phone number or e-mail address for the member: exactly one. */
export const ChangeContactInput = z
  .strictObject({
    phone: z.optional(PhoneInput),
    email: z.optional(EmailInput),
  })
  .check(z.refine((v) => (v.phone === undefined) !== (v.email === undefined), 'give either phone or email'));
export type ChangeContactInput = z.infer<typeof ChangeContactInput>;
