import { randomUUID } from 'node:crypto';

export type OutboxSms = { to: string; body: string; at: string; messageId: string };

/** The local SMS provider: every SMS handed over is kept here and shown at GET /dev/outbox/sms. */
export function smsOutbox() {
  const items: OutboxSms[] = [];
  return {
    items,
    send(to: string, body: string): string {
      const messageId = randomUUID();
      items.push({ to, body, at: new Date().toISOString(), messageId });
      return messageId;
    },
  };
}
export type SmsOutbox = ReturnType<typeof smsOutbox>;
