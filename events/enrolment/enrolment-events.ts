import * as z from '../../shared/zod.ts';
import { Channel } from '../../shared/enrolment/model.ts';
import { Language } from '../../shared/i18n/languages.ts';
import { defineEvent } from '../define-event.ts';

/**
 * Enrolment and membership events. They carry ids, languages and channels only — never a name, phone
 * number or e-mail address — so that the bus, its archive and the DLQs hold no contact data.
 */
export const EnrolmentRequested = defineEvent({
  source: 'plp.enrolment',
  detailType: 'EnrolmentRequested',
  version: 1,
  data: z.object({
    enrolmentId: z.string(),
    plpId: z.string(),
    via: z.enum(['web', 'sms']),
    channels: z.array(Channel),
    /** Where the confirmation code went. */
    codeChannel: Channel,
  }),
});

export const EnrolmentConfirmed = defineEvent({
  source: 'plp.enrolment',
  detailType: 'EnrolmentConfirmed',
  version: 1,
  data: z.object({ enrolmentId: z.string(), plpId: z.string(), awaitsApproval: z.boolean() }),
});

export const MemberActivated = defineEvent({
  source: 'plp.enrolment',
  detailType: 'MemberActivated',
  version: 1,
  data: z.object({
    memberId: z.string(),
    plpId: z.string(),
    enrolmentId: z.string(),
    language: Language,
    channels: z.array(Channel),
    /** The coordinator's principal id when a coordinator approved it. */
    approvedBy: z.optional(z.string()),
  }),
});

export const MemberLeft = defineEvent({
  source: 'plp.enrolment',
  detailType: 'MemberLeft',
  version: 1,
  data: z.object({
    memberId: z.string(),
    plpId: z.string(),
    reason: z.enum(['sms_stop', 'member_link', 'erased', 'coordinator']),
  }),
});
