import type { EventContract } from '../events/define-event.ts';
import { PlpStatusChanged } from '../events/directory/plp-status-changed.ts';
import {
  CreateCommuneInput,
  CreatePlpInput,
  Plp,
  PlpIdParams,
  PostcodeQuery,
  PublicPlp,
  TransitionInput,
} from '../shared/directory/model.ts';
import {
  EnrolmentConfirmed,
  EnrolmentRequested,
  MemberActivated,
  MemberLeft,
} from '../events/enrolment/enrolment-events.ts';
import {
  ChangeContactInput,
  ConfirmContactInput,
  ConfirmInput,
  CoordinatorEnrolmentsQuery,
  CoordinatorMembersQuery,
  DecisionInput,
  EnrolmentAddress,
  EnrolmentIdParams,
  EnrolmentInput,
  MemberLinkInput,
  MeView,
  UpdateMeInput,
  UpdateMembershipInput,
} from '../shared/enrolment/model.ts';
import { http, type HttpTrigger } from '../shared/http/trigger.ts';
import * as z from 'zod';

/**
 * Every function of the system: its handler file, its trigger and what it may touch. The CDK app
 * (infra/stacks/app-stack.ts) builds functions, routes, rules, queues and IAM grants from this list, and the
 * local runtime (local/) routes HTTP requests, events, queue messages, schedules and inbound SMS from it.
 * Adding a feature = a use case in shared/, a handler in functions/, an entry here, an event contract in events/.
 */
export type EventTrigger = { kind: 'event'; event: EventContract };
export type QueueTrigger = { kind: 'queue'; queue: string; batchSize?: number };
export type ScheduleTrigger = { kind: 'schedule'; name: string; expression: string };
export type SmsInboundTrigger = { kind: 'sms-inbound' };
export type Trigger = HttpTrigger | EventTrigger | QueueTrigger | ScheduleTrigger | SmsInboundTrigger;

export type Access = {
  table?: 'read' | 'readWrite';
  /** Events it publishes (PutEvents on the bus, limited to these sources). */
  publishes?: EventContract[];
  /** Queues it sends to. */
  sendsTo?: string[];
  /** Outbound SMS through SNS. */
  sms?: boolean;
  /** E-mail through SES v2. */
  email?: boolean;
  /** Reads the HMAC key of codes, member tokens and contact keys (Secrets Manager). */
  pepper?: boolean;
};

export type FunctionSpec<T extends Trigger = Trigger> = {
  /** Handler file, relative to the repository root; it exports `handler`. */
  entry: string;
  description: string;
  trigger: T;
  access: Access;
  memoryMb?: number;
  timeoutSeconds?: number;
};

const defineFunctions = <const M extends Record<string, FunctionSpec>>(m: M) => m;

export const functions = defineFunctions({
  health: {
    entry: 'functions/platform/health.handler.ts',
    description: 'Liveness of the API',
    trigger: http({
      method: 'GET',
      path: '/health',
      auth: 'public',
      summary: 'Liveness',
      responses: { 200: { description: 'The API answers', schema: z.object({ status: z.literal('ok') }) } },
    }),
    access: {},
  },
  openapi: {
    entry: 'functions/platform/openapi.handler.ts',
    description: 'The OpenAPI 3.1 document of the API, generated from the zod schemas',
    trigger: http({
      method: 'GET',
      path: '/openapi.json',
      auth: 'public',
      summary: 'OpenAPI document',
      responses: { 200: { description: 'OpenAPI 3.1 document' } },
    }),
    access: {},
  },
  findPlps: {
    entry: 'functions/directory/find-plps.handler.ts',
    description: 'Launched PLPs whose zone includes a postcode',
    trigger: http({
      method: 'GET',
      path: '/public/plps',
      auth: 'public',
      summary: 'Find the launched PLPs of a postcode',
      query: PostcodeQuery,
      responses: { 200: { description: 'Matching PLPs', schema: z.object({ items: z.array(PublicPlp) }) } },
    }),
    access: { table: 'read' },
  },
  createCommune: {
    entry: 'functions/directory/create-commune.handler.ts',
    description: 'A region administrator registers a commune',
    trigger: http({
      method: 'POST',
      path: '/admin/communes',
      auth: 'jwt',
      groups: ['region_admin'],
      summary: 'Register a commune',
      body: CreateCommuneInput,
      responses: { 201: { description: 'Created' }, 409: { description: 'The commune exists already' } },
    }),
    access: { table: 'readWrite' },
  },
  createPlp: {
    entry: 'functions/directory/create-plp.handler.ts',
    description: 'A commune or region administrator creates a PLP in preparation',
    trigger: http({
      method: 'POST',
      path: '/admin/plps',
      auth: 'jwt',
      groups: ['region_admin', 'commune_admin'],
      summary: 'Create a PLP',
      body: CreatePlpInput,
      responses: {
        201: { description: 'Created', schema: z.object({ plpId: z.string(), status: z.literal('preparation') }) },
        409: { description: 'The PLP code is taken' },
      },
    }),
    access: { table: 'readWrite', publishes: [PlpStatusChanged] },
  },
  getPlp: {
    entry: 'functions/directory/get-plp.handler.ts',
    description: 'A PLP with its life-cycle history, for its administrators',
    trigger: http({
      method: 'GET',
      path: '/admin/plps/{plpId}',
      auth: 'jwt',
      groups: ['region_admin', 'commune_admin'],
      summary: 'Read a PLP and its history',
      params: PlpIdParams,
      responses: {
        200: { description: 'The PLP', schema: Plp },
        404: { description: 'Unknown or outside your communes' },
      },
    }),
    access: { table: 'read' },
  },
  transitionPlp: {
    entry: 'functions/directory/transition-plp.handler.ts',
    description: 'Moves a PLP along its life cycle',
    trigger: http({
      method: 'POST',
      path: '/admin/plps/{plpId}/transitions',
      auth: 'jwt',
      groups: ['region_admin', 'commune_admin'],
      summary: 'Change the life-cycle status of a PLP',
      params: PlpIdParams,
      body: TransitionInput,
      responses: {
        200: { description: 'The PLP in its new status', schema: Plp },
        404: { description: 'Unknown or outside your communes' },
        409: { description: 'Not allowed from the current status' },
      },
    }),
    access: { table: 'readWrite', publishes: [PlpStatusChanged] },
  },
  recordPlpHistory: {
    entry: 'functions/directory/record-plp-history.handler.ts',
    description: 'Keeps the audit history of each PLP from PlpStatusChanged',
    trigger: { kind: 'event', event: PlpStatusChanged },
    access: { table: 'readWrite' },
  },
  requestEnrolment: {
    entry: 'functions/enrolment/request-enrolment.handler.ts',
    description: 'A resident asks to join a PLP; a confirmation code goes to their phone or e-mail',
    trigger: http({
      method: 'POST',
      path: '/public/enrolments',
      auth: 'public',
      summary: 'Enrol in a PLP (double opt-in)',
      body: EnrolmentInput,
      responses: {
        202: {
          description: 'A code was sent (SMS when a phone is given, else e-mail)',
          schema: z.object({ enrolmentId: z.string(), status: z.literal('pending_confirmation') }),
        },
        400: { description: 'Invalid body, outside the zone, PLP not launched, number not allowed' },
        429: { description: 'Too many codes to this contact or from this address' },
      },
    }),
    access: { table: 'readWrite', publishes: [EnrolmentRequested], sms: true, email: true, pepper: true },
  },
  confirmEnrolment: {
    entry: 'functions/enrolment/confirm-enrolment.handler.ts',
    description: 'The resident confirms with the code; activation or wait for the coordinator',
    trigger: http({
      method: 'POST',
      path: '/public/enrolments/{enrolmentId}/confirm',
      auth: 'public',
      summary: 'Confirm an enrolment with its code (SMS enrolments also give name and address)',
      params: EnrolmentIdParams,
      body: ConfirmInput,
      responses: {
        200: {
          description: 'Confirmed',
          schema: z.object({ status: z.enum(['pending_approval', 'active']) }),
        },
        400: { description: 'Wrong or expired code, missing details' },
        404: { description: 'Unknown enrolment' },
        409: { description: 'Locked after 5 wrong codes, or already confirmed' },
      },
    }),
    access: { table: 'readWrite', publishes: [EnrolmentConfirmed, MemberActivated], pepper: true },
  },
  requestMemberLink: {
    entry: 'functions/enrolment/request-member-link.handler.ts',
    description: 'Re-sends a personal member link to a member contact (same answer for any contact)',
    trigger: http({
      method: 'POST',
      path: '/public/member-links',
      auth: 'public',
      summary: 'Send my personal member link again',
      body: MemberLinkInput,
      responses: {
        202: { description: 'Sent if the contact belongs to a member', schema: z.object({}) },
        429: {
          description: 'Too many requests from this address (the per-contact limit answers 202 and sends nothing)',
        },
      },
    }),
    access: { table: 'readWrite', sms: true, email: true, pepper: true },
  },
  getMe: {
    entry: 'functions/enrolment/get-me.handler.ts',
    description: 'A member reads their own data',
    trigger: http({
      method: 'GET',
      path: '/public/me',
      auth: 'member',
      summary: 'My membership',
      responses: { 200: { description: 'The member', schema: MeView }, 401: { description: 'Invalid member link' } },
    }),
    access: { table: 'read', pepper: true },
  },
  updateMe: {
    entry: 'functions/enrolment/update-me.handler.ts',
    description: 'A member changes language or channels',
    trigger: http({
      method: 'PATCH',
      path: '/public/me',
      auth: 'member',
      summary: 'Change my language or channels',
      body: UpdateMeInput,
      responses: {
        200: { description: 'The updated member', schema: MeView },
        401: { description: 'Invalid member link' },
      },
    }),
    access: { table: 'readWrite', pepper: true },
  },
  eraseMe: {
    entry: 'functions/enrolment/erase-me.handler.ts',
    description: 'A member is erased: contact data deleted at once',
    trigger: http({
      method: 'DELETE',
      path: '/public/me',
      auth: 'member',
      summary: 'Leave and erase my data',
      responses: { 204: { description: 'Erased' }, 401: { description: 'Invalid member link' } },
    }),
    access: { table: 'readWrite', publishes: [MemberLeft], pepper: true },
  },
  leavePlp: {
    entry: 'functions/enrolment/leave-plp.handler.ts',
    description: 'A member leaves one of their PLPs from their member page',
    trigger: http({
      method: 'DELETE',
      path: '/public/me/plps/{plpId}',
      auth: 'member',
      summary: 'Leave one PLP (and stay in the others)',
      params: PlpIdParams,
      responses: {
        200: { description: 'The member after leaving', schema: MeView },
        401: { description: 'Invalid member link' },
        404: { description: 'Not a member of this PLP' },
      },
    }),
    access: { table: 'readWrite', publishes: [MemberLeft], sms: true, email: true, pepper: true },
  },
  updateMembership: {
    entry: 'functions/enrolment/update-membership.handler.ts',
    description: 'A member corrects the address held for one of their PLPs',
    trigger: http({
      method: 'PATCH',
      path: '/public/me/plps/{plpId}',
      auth: 'member',
      summary: 'Correct my address in one PLP',
      params: PlpIdParams,
      body: UpdateMembershipInput,
      responses: {
        200: {
          description: 'The corrected membership',
          schema: z.object({ plpId: z.string(), plpName: z.string(), address: EnrolmentAddress }),
        },
        400: { description: 'Invalid, or outside the zone of this PLP' },
        401: { description: 'Invalid member link' },
        404: { description: 'Not a member of this PLP' },
      },
    }),
    access: { table: 'readWrite', pepper: true },
  },
  requestContactChange: {
    entry: 'functions/enrolment/request-contact-change.handler.ts',
    description: 'A member asks to change their phone number or e-mail address; a code goes to the new one',
    trigger: http({
      method: 'POST',
      path: '/public/me/contacts',
      auth: 'member',
      summary: 'Change my phone number or e-mail address (a code goes to the new one)',
      body: ChangeContactInput,
      responses: {
        202: { description: 'Code sent', schema: z.object({ status: z.literal('pending_confirmation') }) },
        400: { description: 'Invalid, unchanged, or a number that cannot take SMS' },
        401: { description: 'Invalid member link' },
        429: { description: 'Too many codes to this contact or from this address' },
      },
    }),
    access: { table: 'readWrite', sms: true, email: true, pepper: true },
  },
  confirmContactChange: {
    entry: 'functions/enrolment/confirm-contact-change.handler.ts',
    description: 'The member confirms the new contact with its code',
    trigger: http({
      method: 'POST',
      path: '/public/me/contacts/confirm',
      auth: 'member',
      summary: 'Confirm my new phone number or e-mail address',
      body: ConfirmContactInput,
      responses: {
        200: { description: 'The member with the new contact', schema: MeView },
        400: { description: 'Wrong or expired code' },
        401: { description: 'Invalid member link' },
        409: { description: 'No change pending, or the contact belongs to another membership' },
      },
    }),
    access: { table: 'readWrite', pepper: true },
  },
  exportMe: {
    entry: 'functions/enrolment/export-me.handler.ts',
    description: 'GDPR access: all data held about the member',
    trigger: http({
      method: 'GET',
      path: '/public/me/export',
      auth: 'member',
      summary: 'Export my data',
      responses: { 200: { description: 'All data held about me' }, 401: { description: 'Invalid member link' } },
    }),
    access: { table: 'read', pepper: true },
  },
  listEnrolments: {
    entry: 'functions/enrolment/list-enrolments.handler.ts',
    description: 'Enrolments awaiting approval in the coordinator’s PLPs',
    trigger: http({
      method: 'GET',
      path: '/coordinator/enrolments',
      auth: 'jwt',
      groups: ['coordinator'],
      summary: 'Enrolments waiting for my approval',
      query: CoordinatorEnrolmentsQuery,
      responses: { 200: { description: 'Enrolments awaiting approval' } },
    }),
    access: { table: 'read' },
  },
  decideEnrolment: {
    entry: 'functions/enrolment/decide-enrolment.handler.ts',
    description: 'The coordinator approves (activation, welcome) or rejects an enrolment',
    trigger: http({
      method: 'POST',
      path: '/coordinator/enrolments/{enrolmentId}/decision',
      auth: 'jwt',
      groups: ['coordinator'],
      summary: 'Approve or reject an enrolment',
      params: EnrolmentIdParams,
      body: DecisionInput,
      responses: {
        200: {
          description: 'Decided',
          schema: z.object({ enrolmentId: z.string(), status: z.enum(['active', 'rejected']) }),
        },
        404: { description: 'Unknown, or not in your PLPs' },
        409: { description: 'Not awaiting approval' },
      },
    }),
    access: { table: 'readWrite', publishes: [MemberActivated], sms: true, email: true, pepper: true },
  },
  listMembers: {
    entry: 'functions/enrolment/list-members.handler.ts',
    description: 'Members of one of the coordinator’s PLPs, a page at a time',
    trigger: http({
      method: 'GET',
      path: '/coordinator/members',
      auth: 'jwt',
      groups: ['coordinator'],
      summary: 'Members of my PLP',
      query: CoordinatorMembersQuery,
      responses: { 200: { description: 'A page of members' }, 404: { description: 'Not your PLP' } },
    }),
    access: { table: 'read' },
  },
  sendWelcome: {
    entry: 'functions/enrolment/send-welcome.handler.ts',
    description: 'Sends the welcome message with a personal member link when a member is activated',
    trigger: { kind: 'event', event: MemberActivated },
    access: { table: 'readWrite', sms: true, email: true, pepper: true },
  },
  smsInbound: {
    entry: 'functions/enrolment/sms-inbound.handler.ts',
    description: 'SMS to the shortcode: JOIN, STOP, HELP in four languages',
    trigger: { kind: 'sms-inbound' },
    access: { table: 'readWrite', publishes: [EnrolmentRequested, MemberLeft], sms: true, pepper: true },
  },
});

export type FunctionName = keyof typeof functions;
export const functionEntries = () => Object.entries(functions) as [FunctionName, FunctionSpec][];
export const httpFunctions = () =>
  functionEntries().filter((e): e is [FunctionName, FunctionSpec<HttpTrigger>] => e[1].trigger.kind === 'http');
