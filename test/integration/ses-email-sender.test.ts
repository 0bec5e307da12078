import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../local/env.ts';
import { startSesLocal } from '../../local/ses-local.ts';
import { sesEmailSender } from '../../shared/adapters/sesv2/email-sender.ts';

let ses: Awaited<ReturnType<typeof startSesLocal>>;
beforeAll(async () => {
  ses = await startSesLocal(await freePort());
});
afterAll(() => ses.stop());
afterEach(() => vi.unstubAllEnvs());

describe('sesEmailSender against aws-ses-v2-local', () => {
  it('delivers through a client pointed by the SDK’s AWS_ENDPOINT_URL_SESV2, as the local runtime does', async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_SESV2', ses.url);
    const client = new SESv2Client({});
    const to = `ses-local-${Date.now()}@example.be`;
    const sender = sesEmailSender(client, { from: 'noreply@plp-alert.be' });
    const { messageId } = await sender.send({
      to,
      subject: 'Bienvenue – café',
      html: '<p>Été</p>',
      text: 'Été',
    });
    expect(messageId).toBeTruthy();

    const store = (await (await fetch(`${ses.url}/store`)).json()) as {
      emails: { messageId: string; destination: { to: string[] }; subject: string }[];
    };
    const sent = store.emails.find((e) => e.messageId === messageId);
    expect(sent?.destination.to).toEqual([to]);
    expect(sent?.subject).toBe('Bienvenue – café');
  });
});
