/**
 * Ports of the messaging context: how a message leaves the platform. Adapters (SNS, SES v2, the local
 * outbox) implement them; handlers only see these types.
 */

/** Delivery channels. Voice comes later: add it to handlers as adapters appear, the list stays open. */
export const CHANNELS = ['sms', 'email', 'voice'] as const;
export type Channel = (typeof CHANNELS)[number];

export type SmsSender = {
  /** `to` in E.164 (`+32470123456`); `body` as it should arrive (see gsm7.ts for segment counts). */
  send(to: string, body: string): Promise<{ messageId: string }>;
};

export type EmailMessage = { to: string; subject: string; html: string; text: string; replyTo?: string };

export type EmailSender = {
  send(m: EmailMessage): Promise<{ messageId: string }>;
};

/** Puts messages on one queue (JSON bodies); fails when the queue refused any of them. */
export type QueueSender<T> = { send(messages: readonly T[]): Promise<void> };
