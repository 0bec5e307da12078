import { beforeAll, describe, expect, it } from 'vitest';
import {
  codeIn,
  emailsTo,
  enrolmentBody,
  eventually,
  launchedPlp,
  memberLinkEmailTo,
  memberLinkSmsTo,
  newEmail,
  newMobile,
  sendSms,
  smsTo,
  type TestPlp,
  tokenIn,
} from '../support/enrolment.ts';
import { call, tokenFor } from '../support/http.ts';

const REMINDER = /101 \/ 112/;
let admin: string;
let approvalPlp: TestPlp;
let openPlp: TestPlp;
let coordinator: string;
let otherCoordinator: string;

beforeAll(async () => {
  admin = await tokenFor('region-enrol-e2e', ['region_admin'], 'region.enrol@e2e.test');
  approvalPlp = await launchedPlp(admin, { requiresApproval: true, streets: ["Rue de l'Église", 'Kerkstraat'] });
  openPlp = await launchedPlp(admin, { requiresApproval: false, name: 'Gare' });
  coordinator = await tokenFor('coord-e2e', ['coordinator'], approvalPlp.coordinatorEmail);
  otherCoordinator = await tokenFor('coord-other-e2e', ['coordinator'], openPlp.coordinatorEmail);
});

const enrol = (body: unknown) => call('POST', '/public/enrolments', { body });
const confirm = (id: string, body: unknown) => call('POST', `/public/enrolments/${id}/confirm`, { body });
const me = (token: string) => call('GET', '/public/me', { token });

/**
 * Enrols the phone in a PLP, confirms with the code from the SMS outbox, has the PLP's coordinator approve
 * when needed, and waits for the welcome (code + welcome = two more SMS) before the next enrolment.
 */
async function joinWithPhone(phone: string, plp: TestPlp) {
  const sent = (await smsTo(phone)).length;
  const { json } = await enrol(
    enrolmentBody(plp, { phone, address: { street: 'Kerkstraat', number: '1', postcode: plp.postcode } }),
  );
  await confirm(json.enrolmentId, { code: codeIn((await smsTo(phone)).at(-1)) });
  if (plp === approvalPlp) {
    await eventually(
      () => smsTo(phone),
      (l) => l.length >= sent + 2, // the code, then the notice that the coordinator will approve
    );
    await call('POST', `/coordinator/enrolments/${json.enrolmentId}/decision`, {
      token: coordinator,
      body: { decision: 'approved' },
    });
  }
  await eventually(
    () => smsTo(phone),
    (l) => l.slice(sent).some((t) => /\/me#token=/.test(t)),
  );
}

describe('enrolment journey over HTTP (local stack)', () => {
  it('enrol, code by SMS, confirm, approval, welcome on both channels, member link, STOP, export, erase', async () => {
    const phone = newMobile();
    const email = newEmail();
    const enrolled = await enrol(
      enrolmentBody(approvalPlp, {
        name: 'Jan Peeters',
        address: { street: 'rue de l eglise', number: '3', postcode: approvalPlp.postcode },
        phone: phone.replace('+32', '0'),
        email: email.toUpperCase(),
        language: 'nl',
        channels: ['sms', 'email'],
      }),
    );
    expect(enrolled.status).toBe(202);
    expect(enrolled.json).toEqual({ enrolmentId: expect.any(String), status: 'pending_confirmation' });
    const id = enrolled.json.enrolmentId as string;

    // Each contact gets its own code, in Dutch, with the safety reminder: the phone's by SMS, the e-mail's by e-mail.
    const [codeSms] = await smsTo(phone);
    expect(codeSms).toMatch(/bevestigingscode/);
    expect(codeSms).toMatch(REMINDER);
    const [codeMail] = await eventually(
      () => emailsTo(email),
      (l) => l.length >= 1,
    );
    const emailCode = codeIn(codeMail?.subject);
    expect(emailCode).not.toBe(codeIn(codeSms));

    const wrong = ['000000', '111111', '222222'].find((c) => c !== codeIn(codeSms) && c !== emailCode)!;
    const bad = await confirm(id, { code: wrong });
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({
      type: 'https://plp-alert.be/problems/code-wrong',
      errors: [{ path: 'code', code: 'code_wrong' }],
    });
    const confirmed = await confirm(id, { code: codeIn(codeSms) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json).toEqual({ status: 'pending_approval', contacts: { phone: 'confirmed', email: 'pending' } });
    expect((await confirm(id, { code: codeIn(codeSms) })).status).toBe(400); // used: no longer a code of it
    const both = await confirm(id, { code: emailCode });
    expect(both.json).toEqual({ status: 'pending_approval', contacts: { phone: 'confirmed', email: 'confirmed' } });
    expect((await confirm(id, { code: emailCode })).status).toBe(409); // nothing left to confirm
    // Told by SMS, in Dutch, that the coordinator has to approve; the e-mail was confirmed after the notice went.
    const notice = await eventually(
      () => smsTo(phone),
      (l) => l.length >= 2,
    );
    expect(notice[1]).toMatch(/wacht op goedkeuring/);

    // Another PLP's coordinator neither sees nor decides it.
    const othersList = await call('GET', '/coordinator/enrolments?status=pending_approval', {
      token: otherCoordinator,
    });
    expect(othersList.json.items.map((e: { enrolmentId: string }) => e.enrolmentId)).not.toContain(id);
    const othersDecision = await call('POST', `/coordinator/enrolments/${id}/decision`, {
      token: otherCoordinator,
      body: { decision: 'approved' },
    });
    expect(othersDecision.status).toBe(404);

    const list = await call('GET', '/coordinator/enrolments?status=pending_approval', { token: coordinator });
    expect(list.status).toBe(200);
    expect(list.json.items).toContainEqual(
      expect.objectContaining({ enrolmentId: id, name: 'Jan Peeters', plpId: approvalPlp.plpId }),
    );
    const decision = await call('POST', `/coordinator/enrolments/${id}/decision`, {
      token: coordinator,
      body: { decision: 'approved' },
    });
    expect(decision.status).toBe(200);
    expect(decision.json).toEqual({ enrolmentId: id, status: 'active' });
    const again = await call('POST', `/coordinator/enrolments/${id}/decision`, {
      token: coordinator,
      body: { decision: 'rejected' },
    });
    expect(again.status).toBe(409);

    // Welcome with the personal link on each chosen channel, in Dutch.
    const welcomeSms = await memberLinkSmsTo(phone);
    expect(welcomeSms).toMatch(/Welkom/);
    const welcomeEmail = await memberLinkEmailTo(email);
    expect(welcomeEmail?.subject).toMatch(/Welkom/);
    expect(welcomeEmail?.text).toMatch(REMINDER);
    expect(welcomeEmail?.html).toMatch(/<a href="[^"]+\/me#token=/);
    const token = tokenIn(welcomeSms);

    const mine = await me(token);
    expect(mine.status).toBe(200);
    expect(mine.json).toEqual({
      memberId: expect.any(String),
      plps: [{ id: approvalPlp.plpId, name: 'Les Tilleuls' }],
      name: 'Jan Peeters',
      language: 'nl',
      channels: ['sms', 'email'],
      phone,
      email,
      status: 'active',
    });
    const patched = await call('PATCH', '/public/me', { token, body: { language: 'fr', name: 'Jan Peters' } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ language: 'fr', name: 'Jan Peters' });
    // Rectification of the address: still in the zone, or 400.
    const moved = { street: 'Kerkstraat', number: '5', postcode: approvalPlp.postcode };
    const outside = { street: 'Rue Inconnue', number: '5', postcode: approvalPlp.postcode };
    const meInPlp = `/public/me/plps/${approvalPlp.plpId}`;
    expect((await call('PATCH', meInPlp, { token, body: { address: outside } })).status).toBe(400);
    expect((await call('PATCH', meInPlp, { token, body: { address: moved } })).json).toMatchObject({ address: moved });
    expect((await call('PATCH', `/public/me/plps/${openPlp.plpId}`, { token, body: { address: moved } })).status).toBe(
      404,
    );

    // The member link is re-sent to the contact asked for, and the new link works too.
    const mailsBefore = (await emailsTo(email)).length;
    expect((await call('POST', '/public/member-links', { body: { contact: email } })).status).toBe(202);
    // Sent by the member-links worker a moment after the answer.
    const linkEmail = (
      await eventually(
        () => emailsTo(email),
        (l) => l.length > mailsBefore,
      )
    ).at(-1);
    expect(linkEmail?.subject).not.toMatch(/Welkom/);
    const secondToken = tokenIn(linkEmail?.text);
    expect(secondToken).not.toBe(token);
    expect((await me(secondToken)).status).toBe(200);

    // STOP by SMS takes effect at once: SMS channel gone, e-mail kept, confirmation in French.
    expect((await sendSms(phone, 'stop')).status).toBe(202);
    expect((await me(token)).json.channels).toEqual(['email']);
    expect((await smsTo(phone)).at(-1)).toMatch(/plus de SMS/);

    const exported = await call('GET', '/public/me/export', { token });
    expect(exported.status).toBe(200);
    expect(exported.json.member).toMatchObject({ name: 'Jan Peters', phone, email });
    expect(exported.json.memberships).toEqual([
      expect.objectContaining({
        plpId: approvalPlp.plpId,
        address: { street: 'Kerkstraat', number: '5', postcode: approvalPlp.postcode },
        consent: expect.objectContaining({ textVersion: expect.any(String), at: expect.any(String) }),
      }),
    ]);

    const erased = await call('DELETE', '/public/me', { token });
    expect(erased.status).toBe(204);
    expect((await me(token)).status).toBe(401);
    expect((await me(secondToken)).status).toBe(401);
    const members = await call('GET', `/coordinator/members?plpId=${approvalPlp.plpId}`, { token: coordinator });
    expect(members.json.items.map((m: { name: string }) => m.name)).not.toContain('Jan Peters');
    // After erasure the contact is unknown: same answer, nothing sent.
    const emailsBefore = (await emailsTo(email)).length;
    expect((await call('POST', '/public/member-links', { body: { contact: email } })).status).toBe(202);
    expect(await emailsTo(email)).toHaveLength(emailsBefore);
  }, 60_000); // the longest journey: many deliveries through the local runtime

  it('activates at confirmation when the PLP needs no approval, and codes go by e-mail without a phone', async () => {
    const email = newEmail();
    const enrolled = await enrol(enrolmentBody(openPlp, { email, channels: ['email'], language: 'de' }));
    expect(enrolled.status).toBe(202);
    const [codeEmail] = await emailsTo(email);
    expect(codeEmail?.subject).toMatch(/Bestätigungscode|Code/);
    const confirmed = await confirm(enrolled.json.enrolmentId, { code: codeIn(codeEmail?.subject) });
    expect(confirmed.json).toEqual({ status: 'active', contacts: { email: 'confirmed' } });
    const welcome = await memberLinkEmailTo(email);
    expect((await me(tokenIn(welcome?.text))).json).toMatchObject({ language: 'de', channels: ['email'] });
  });

  it('one person in two PLPs with the same phone is one member with two PLPs', async () => {
    const phone = newMobile();
    for (const plp of [openPlp, approvalPlp]) await joinWithPhone(phone, plp);
    const token = tokenIn(await memberLinkSmsTo(phone));
    const mine = await me(token);
    expect(mine.json.plps.map((p: { id: string }) => p.id).sort()).toEqual([openPlp.plpId, approvalPlp.plpId].sort());
  });

  it('joins by SMS keyword: code and form link by SMS, name and address given at confirmation', async () => {
    const phone = newMobile();
    expect((await sendSms(phone, `aanmelden ${openPlp.code.toLowerCase()}`)).status).toBe(202);
    const reply = (await smsTo(phone)).at(-1);
    expect(reply).toMatch(/bevestigingscode/);
    const enrolmentId = reply?.match(/\/join#enrolment=(\w+)/)?.[1] as string;
    expect(enrolmentId).toBeTruthy();
    const missing = await confirm(enrolmentId, { code: codeIn(reply) });
    expect(missing.status).toBe(400);
    expect(missing.json.errors.map((e: { path: string }) => e.path)).toEqual(['name', 'address']);
    const done = await confirm(enrolmentId, {
      code: codeIn(reply),
      name: 'Piet',
      address: { street: 'Stationsstraat', number: '9', postcode: openPlp.postcode },
    });
    expect(done.json).toEqual({ status: 'active', contacts: { phone: 'confirmed' } });
    const token = tokenIn(await memberLinkSmsTo(phone));
    expect((await me(token)).json).toMatchObject({ language: 'nl', channels: ['sms'], status: 'active' });

    // STOP when SMS is the only channel: the member leaves, confirmation in Dutch, nothing more by SMS.
    await sendSms(phone, 'STOP');
    expect((await smsTo(phone)).at(-1)).toMatch(/verlaten/);
    expect((await me(token)).json).toMatchObject({ status: 'left', plps: [], channels: [] });
  });

  it('answers HELP in the keyword language and unknown numbers at most once a day', async () => {
    const phone = newMobile();
    await sendSms(phone, 'HILFE');
    expect((await smsTo(phone)).at(-1)).toMatch(/ANMELDEN/);
    const stranger = newMobile();
    await sendSms(stranger, 'bonjour ?');
    await sendSms(stranger, 'allo ?');
    expect(await smsTo(stranger)).toHaveLength(1);
  });
});

describe('enrolment refusals over HTTP', () => {
  const refused = async (body: unknown, status: number, path?: string) => {
    const res = await enrol(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    if (path) expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    return res;
  };

  it('refuses an address outside the zone, saying whether the postcode or the street is not in it, and sends nothing', async () => {
    const phone = newMobile();
    const postcode = await refused(
      enrolmentBody(approvalPlp, { phone, address: { street: 'Kerkstraat', number: '1', postcode: '1000' } }),
      400,
      'address.postcode',
    );
    expect(postcode.json).toMatchObject({
      type: 'https://plp-alert.be/problems/outside-zone',
      errors: [{ path: 'address.postcode', code: 'outside_zone_postcode' }],
    });
    const street = await refused(
      enrolmentBody(approvalPlp, {
        phone,
        address: { street: 'Autre rue', number: '1', postcode: approvalPlp.postcode },
        language: 'nl',
      }),
      400,
      'address.street',
    );
    expect(street.json.errors).toEqual([
      { path: 'address.street', code: 'outside_zone_street', message: expect.stringMatching(/Deze straat/) },
    ]);
    expect(await smsTo(phone)).toEqual([]);
  });

  it('refuses without consent, with a foreign number, or for an unknown PLP', async () => {
    const phone = newMobile();
    await refused(enrolmentBody(openPlp, { phone, consent: false }), 400, 'consent');
    await refused(enrolmentBody(openPlp, { phone: '+33612345678' }), 400, 'phone');
    await refused(enrolmentBody(openPlp, { phone, plpId: 'NOPE' }), 400, 'plpId');
    await refused(enrolmentBody(openPlp, { channels: ['sms'] }), 400, 'phone');
    expect(await smsTo(phone)).toEqual([]);
  });

  it('sends the code by e-mail for a landline, and refuses SMS to it', async () => {
    const email = newEmail();
    const landline = '02 511 22 33';
    await refused(enrolmentBody(openPlp, { phone: landline, channels: ['sms'] }), 400, 'phone');
    await refused(enrolmentBody(openPlp, { phone: landline, channels: ['email'] }), 400, 'email');
    const res = await enrol(enrolmentBody(openPlp, { phone: landline, email, channels: ['email'] }));
    expect(res.status).toBe(202);
    expect(codeIn((await emailsTo(email)).at(-1)?.subject)).toMatch(/^\d{6}$/);
  });

  it('locks after five wrong codes: every later attempt, even right, is 409', async () => {
    const phone = newMobile();
    const { json } = await enrol(enrolmentBody(openPlp, { phone }));
    const code = codeIn((await smsTo(phone)).at(-1));
    const wrong = code === '123456' ? '654321' : '123456';
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await confirm(json.enrolmentId, { code: wrong })).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    expect((await confirm(json.enrolmentId, { code })).status).toBe(409);
    expect((await confirm(json.enrolmentId, { code: wrong })).status).toBe(409);
  });

  it('gives 40 guesses sent at once five comparisons in all; after them every answer is the same', async () => {
    const phone = newMobile();
    const { json } = await enrol(enrolmentBody(openPlp, { phone }));
    const code = codeIn((await smsTo(phone)).at(-1));
    const guesses = Array.from({ length: 40 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(guesses.map((g) => confirm(json.enrolmentId, { code: g })));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(5);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(35);
    expect(new Set(refused.map((a) => a.text)).size).toBe(1);
    // The right code now gets exactly what the wrong ones got.
    const right = await confirm(json.enrolmentId, { code });
    expect(right.status).toBe(409);
    expect(right.text).toBe(refused[0]!.text);
    expect(await smsTo(phone)).toHaveLength(1); // no welcome
  });

  it('limits codes and links per contact: the fourth within an hour is 429 with retry-after', async () => {
    const phone = newMobile();
    await joinWithPhone(phone, openPlp); // a code (and a welcome, which does not count)
    for (let i = 0; i < 2; i++) {
      expect((await call('POST', '/public/member-links', { body: { contact: phone } })).status).toBe(202);
    }
    await eventually(
      () => smsTo(phone),
      (l) => l.length >= 4,
    );
    const res = await refused(
      enrolmentBody(approvalPlp, {
        phone,
        address: { street: 'Kerkstraat', number: '1', postcode: approvalPlp.postcode },
      }),
      429,
    );
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.json.type).toBe('https://plp-alert.be/problems/contact-rate-limited');
    expect(await smsTo(phone)).toHaveLength(4);
  });

  it('answers a member-link request the same for a member and a stranger, and sends the link to the member only', async () => {
    const phone = newMobile();
    await joinWithPhone(phone, openPlp);
    const stranger = newMobile();
    const [forMember, forStranger] = (await Promise.all(
      [phone, stranger].map((contact) => call('POST', '/public/member-links', { body: { contact } })),
    )) as [Awaited<ReturnType<typeof call>>, Awaited<ReturnType<typeof call>>];
    expect([forMember.status, forStranger.status]).toEqual([202, 202]);
    expect(forMember.text).toBe(forStranger.text);
    expect(await memberLinkSmsTo(phone)).toMatch(/\/me#token=/);
    expect(await smsTo(stranger)).toEqual([]);
  });

  it('answers a double submit with the same enrolment and one code; other details for that contact wait', async () => {
    const phone = newMobile();
    const body = enrolmentBody(openPlp, { phone });
    const [a, b] = await Promise.all([enrol(body), enrol(body)]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(b.json.enrolmentId).toBe(a.json.enrolmentId);
    expect(await smsTo(phone)).toHaveLength(1);
    expect((await enrol(enrolmentBody(openPlp, { phone, name: 'Quelqu’un d’autre' }))).status).toBe(409);
  });

  it('answers 404 for an unknown enrolment and 401 without a valid member link', async () => {
    expect((await confirm('01UNKNOWN', { code: '123456' })).status).toBe(404);
    expect((await call('GET', '/public/me')).status).toBe(401);
    expect((await me('not-a-token')).status).toBe(401);
    expect((await call('GET', '/public/me/export', { token: 'x'.repeat(43) })).status).toBe(401);
  });

  it('answers 202 to any member-link request, sending a member at most three codes and links an hour', async () => {
    const email = newEmail();
    const { json } = await enrol(enrolmentBody(openPlp, { email, channels: ['email'] }));
    await confirm(json.enrolmentId, { code: codeIn((await emailsTo(email)).at(-1)?.subject) });
    await memberLinkEmailTo(email);
    const before = (await emailsTo(email)).length;
    for (const contact of ['not a contact', '+33612345678', newEmail(), email, email, email, email, email]) {
      const res = await call('POST', '/public/member-links', { body: { contact } });
      expect(res.status).toBe(202);
      expect(res.json).toEqual({});
    }
    // Codes and links share the per-contact limit: the code was one of the three this hour. The links are
    // sent by a worker after the answers: wait for two, then make sure no third follows.
    await eventually(
      () => emailsTo(email),
      (l) => l.length >= before + 2,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(await emailsTo(email)).toHaveLength(before + 2);
    expect((await call('POST', '/public/member-links', { body: {} })).status).toBe(400);
  });

  it('keeps coordinators to their PLPs', async () => {
    const res = await call('GET', `/coordinator/members?plpId=${approvalPlp.plpId}`, { token: otherCoordinator });
    expect(res.status).toBe(404);
    const police = await tokenFor('officer-e2e', ['police']);
    expect((await call('GET', '/coordinator/enrolments', { token: police })).status).toBe(403);
  });
});

describe('SMS opt-out over HTTP', () => {
  it('a stranger enrolled by someone else texts STOP: no more codes to that number until it texts JOIN', async () => {
    const phone = newMobile();
    await enrol(enrolmentBody(openPlp, { phone }));
    expect(await smsTo(phone)).toHaveLength(1);
    await sendSms(phone, 'STOP');
    // STOP is confirmed, in the deployment's languages (fr and nl here; STOP itself is nl and en).
    expect(await smsTo(phone)).toEqual([
      expect.stringMatching(/code/),
      expect.stringMatching(/plus de SMS/),
      expect.stringMatching(/geen sms meer/),
    ]);

    // The answer does not tell that the number opted out (a stranger's number answers the same): nothing is texted.
    const again = await enrol(enrolmentBody(openPlp, { phone }));
    const other = await enrol(enrolmentBody(openPlp, { phone: newMobile() }));
    expect(again.status).toBe(202);
    expect(Object.keys(again.json).sort()).toEqual(Object.keys(other.json).sort());
    expect(again.json.status).toBe(other.json.status);
    const email = newEmail();
    expect((await enrol(enrolmentBody(openPlp, { phone, email, channels: ['email'] }))).status).toBe(202);
    expect(await emailsTo(email)).toHaveLength(1);
    expect(await smsTo(phone)).toHaveLength(3);

    await sendSms(phone, `JOIN ${openPlp.code}`);
    expect((await smsTo(phone)).at(-1)).toMatch(/your confirmation code/);
    // The SMS enrolment now holds this number for the PLP until its code is used or expires.
    expect((await enrol(enrolmentBody(openPlp, { phone }))).status).toBe(409);
  });
});

describe('leaving one PLP over HTTP', () => {
  it('a member of two PLPs leaves one from the member page and stays in the other', async () => {
    const phone = newMobile();
    for (const plp of [openPlp, approvalPlp]) await joinWithPhone(phone, plp);
    const token = tokenIn(await memberLinkSmsTo(phone));

    const left = await call('DELETE', `/public/me/plps/${openPlp.plpId}`, { token });
    expect(left.status).toBe(200);
    expect(left.json).toMatchObject({ status: 'active', plps: [{ id: approvalPlp.plpId }] });
    expect((await smsTo(phone)).at(-1)).toMatch(/Vous avez quitté PLP Gare/);
    expect((await call('DELETE', `/public/me/plps/${openPlp.plpId}`, { token })).status).toBe(404);

    const last = await call('DELETE', `/public/me/plps/${approvalPlp.plpId}`, { token });
    expect(last.json).toMatchObject({ status: 'left', plps: [] });
    const members = await call('GET', `/coordinator/members?plpId=${approvalPlp.plpId}`, { token: coordinator });
    expect(members.json.items.map((m: { memberId: string }) => m.memberId)).not.toContain(last.json.memberId);
  });
});

describe('changing a contact over HTTP', () => {
  it('a new phone number is confirmed by a code sent to it, then replaces the old one', async () => {
    const [oldPhone, newPhone] = [newMobile(), newMobile()];
    const { json } = await enrol(enrolmentBody(openPlp, { phone: oldPhone }));
    await confirm(json.enrolmentId, { code: codeIn((await smsTo(oldPhone)).at(-1)) });
    const token = tokenIn(await memberLinkSmsTo(oldPhone));

    const asked = await call('POST', '/public/me/contacts', { token, body: { phone: newPhone.replace('+32', '0') } });
    expect(asked.status).toBe(202);
    expect((await me(token)).json.phone).toBe(oldPhone); // nothing changes before the code
    const code = codeIn((await smsTo(newPhone)).at(-1));
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await call('POST', '/public/me/contacts/confirm', { token, body: { code: wrong } })).status).toBe(400);
    const done = await call('POST', '/public/me/contacts/confirm', { token, body: { code } });
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ phone: newPhone, channels: ['sms'] });
    expect((await call('POST', '/public/me/contacts/confirm', { token, body: { code } })).status).toBe(409);

    // The old number is no longer the member's: no link to it; STOP from it is a stranger's (its confirmation,
    // in the deployment's languages as STOP tells none) and changes nothing for the member.
    const oldCount = (await smsTo(oldPhone)).length;
    await call('POST', '/public/member-links', { body: { contact: oldPhone } });
    await sendSms(oldPhone, 'STOP');
    const after = (await smsTo(oldPhone)).slice(oldCount);
    expect(after).toEqual([expect.stringMatching(/plus de SMS/), expect.stringMatching(/geen sms meer/)]);
    expect((await me(token)).json.channels).toEqual(['sms']);
  });

  it("refuses another member's e-mail at confirmation, and an unchanged contact at once", async () => {
    const taken = newEmail();
    const first = await enrol(enrolmentBody(openPlp, { email: taken, channels: ['email'] }));
    await confirm(first.json.enrolmentId, { code: codeIn((await emailsTo(taken)).at(-1)?.subject) });
    const phone = newMobile();
    const { json } = await enrol(enrolmentBody(openPlp, { phone }));
    await confirm(json.enrolmentId, { code: codeIn((await smsTo(phone)).at(-1)) });
    const token = tokenIn(await memberLinkSmsTo(phone));

    expect((await call('POST', '/public/me/contacts', { token, body: { phone } })).status).toBe(400);
    expect((await call('POST', '/public/me/contacts', { token, body: { email: taken } })).status).toBe(202);
    const code = codeIn((await emailsTo(taken)).at(-1)?.subject);
    expect((await call('POST', '/public/me/contacts/confirm', { token, body: { code } })).status).toBe(409);
    expect((await me(token)).json.email).toBeUndefined();
  });
});
