import * as z from '../../shared/zod.ts';
import { PlpStatus } from '../../shared/directory/model.ts';
import { defineEvent } from '../define-event.ts';

/** A PLP moved in its life cycle (created in `preparation`, or transitioned by an administrator). */
export const PlpStatusChanged = defineEvent({
  source: 'plp.directory',
  detailType: 'PlpStatusChanged',
  version: 1,
  data: z.object({
    plpId: z.string(),
    communeNis: z.string(),
    from: z.nullable(PlpStatus),
    to: PlpStatus,
    /** The administrator's principal id (sub:… ), never an e-mail address. */
    by: z.string(),
    charterReference: z.optional(z.string()),
  }),
});
