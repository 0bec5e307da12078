import type { EventPublisher } from '../../events/define-event.ts';
import type { DirectoryStore } from '../directory/ports.ts';
import type { MemberStore } from '../enrolment/ports.ts';
import type { EmailSender, SmsSender } from '../messaging/ports.ts';
import type { SmsBudget } from '../messaging/sms-budget.ts';
import type { ReportStore } from './ports.ts';

/** What the report use cases need from the outside world. */
export type ReportDeps = {
  reports: ReportStore;
  members: MemberStore;
  directory: Pick<DirectoryStore, 'getPlp'>;
  publish: EventPublisher;
  sms: SmsSender;
  email: EmailSender;
  /** The PLPs' monthly SMS budgets: the acknowledgement's SMS is charged to the report's PLP. */
  smsBudget?: SmsBudget;
  /** The key of the member-token HMAC. */
  pepper: () => Promise<string>;
  now: () => Date;
  newId?: () => string;
};

/** The part of ReportDeps a use case needs: it names them, and its handler builds only those. */
export type Needs<K extends keyof ReportDeps> = Pick<ReportDeps, K>;
