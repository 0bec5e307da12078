import type { EventContract } from './define-event.ts';
import { PlpStatusChanged } from './directory/plp-status-changed.ts';

/** Every event contract, for documentation, contract tests and the schema registry. */
export const allEvents: EventContract[] = [PlpStatusChanged];
