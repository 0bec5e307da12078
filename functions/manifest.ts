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
import { http, type HttpTrigger } from '../shared/http/trigger.ts';
import { z } from 'zod';

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
});

export type FunctionName = keyof typeof functions;
export const functionEntries = () => Object.entries(functions) as [FunctionName, FunctionSpec][];
export const httpFunctions = () =>
  functionEntries().filter((e): e is [FunctionName, FunctionSpec<HttpTrigger>] => e[1].trigger.kind === 'http');
