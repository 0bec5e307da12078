import { inject } from 'vitest';
import { call, newCommune, newPostcode, uniqueCode } from './http.ts';

/** A Belgian mobile number no other test uses. */
export const newMobile = () => `+32470${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
export const newEmail = (who = 'resident') => `${who}.${uniqueCode('x').toLowerCase()}@example.be`;

export type TestPlp = { plpId: string; code: string; postcode: string; coordinatorEmail: string };

/** A launched PLP of a fresh commune, with its own coordinator. */
export async function launchedPlp(
  adminToken: string,
  options: { requiresApproval: boolean; streets?: unknown[]; name?: string; officers?: unknown[] },
): Promise<TestPlp> {
  const postcode = newPostcode();
  const nis = await newCommune(
    adminToken,
    { languages: ['fr', 'nl'], name: { fr: 'Commune', nl: 'Gemeente' } },
    postcode,
  );
  const code = uniqueCode('E2E');
  const coordinatorEmail = newEmail('coordinator');
  const created = await call('POST', '/admin/plps', {
    token: adminToken,
    body: {
      communeNis: nis,
      name: options.name ?? 'Les Tilleuls',
      code,
      type: 'residents',
      zone: { postcodes: [postcode], ...(options.streets ? { streets: options.streets } : {}) },
      dispatchMode: 'direct',
      requiresApproval: options.requiresApproval,
      coordinators: [{ email: coordinatorEmail, name: 'Anne', language: 'fr' }],
      officers: options.officers ?? [],
    },
  });
  if (created.status !== 201) throw new Error(`plp: ${created.status} ${created.text}`);
  const plpId = created.json.plpId as string;
  for (const t of [
    { to: 'information_session' },
    { to: 'charter_submitted' },
    { to: 'charter_approved', charterReference: 'SPF-IBZ/2026/7' },
    { to: 'launched' },
  ]) {
    const res = await call('POST', `/admin/plps/${plpId}/transitions`, { token: adminToken, body: t });
    if (res.status !== 200) throw new Error(`transition: ${res.status} ${res.text}`);
  }
  return { plpId, code, postcode, coordinatorEmail };
}

export const enrolmentBody = (plp: TestPlp, overrides: Record<string, unknown> = {}) => ({
  plpId: plp.plpId,
  name: 'Marie Dupont',
  address: { street: 'Rue des Tilleuls', number: '12', postcode: plp.postcode },
  language: 'fr',
  channels: ['sms'],
  consent: true,
  ...overrides,
});

/** The SMS a phone received, oldest first (the local SMS outbox). */
export async function smsTo(phone: string): Promise<string[]> {
  const res = await call('GET', '/dev/outbox/sms');
  return (res.json.items as { to: string; body: string }[]).filter((i) => i.to === phone).map((i) => i.body);
}

export type ReceivedEmail = { subject: string; text: string; html: string };
/** The e-mails an address received, oldest first (aws-ses-v2-local's store). */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const res = await fetch(`${inject('sesUrl')}/store`);
  const store = (await res.json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string; html?: string } }[];
  };
  return store.emails
    .filter((e) => e.destination.to.includes(address))
    .map((e) => ({ subject: e.subject, text: e.body.text ?? '', html: e.body.html ?? '' }));
}

export const codeIn = (text: string | undefined) => {
  const match = text?.match(/\b(\d{6})\b/);
  if (!match?.[1]) throw new Error(`no code in: ${text}`);
  return match[1];
};
export const tokenIn = (text: string | undefined) => {
  const match = text?.match(/\/me#token=([\w-]+)/);
  if (!match?.[1]) throw new Error(`no member link in: ${text}`);
  return match[1];
};

export const sendSms = (from: string, body: string) => call('POST', '/dev/sms/inbound', { body: { from, body } });

/** Reads until `ok` holds (events are delivered after the HTTP answer, as in AWS); fails after timeoutMs. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The last SMS to a phone holding a member link, waiting for the welcome to arrive. */
export const memberLinkSmsTo = async (phone: string) =>
  (
    await eventually(
      () => smsTo(phone),
      (l) => /\/me#token=/.test(l.at(-1) ?? ''),
    )
  ).at(-1);
/** The last e-mail to an address holding a member link, waiting for it to arrive. */
export const memberLinkEmailTo = async (address: string) =>
  (
    await eventually(
      () => emailsTo(address),
      (l) => /\/me#token=/.test(l.at(-1)?.text ?? ''),
    )
  ).at(-1);
