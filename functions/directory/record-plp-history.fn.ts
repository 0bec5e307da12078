import { PlpStatusChanged } from '../../events/directory/plp-status-changed.ts';
import { defineFunction } from '../spec.ts';

export default defineFunction({
  entry: 'functions/directory/record-plp-history.handler.ts',
  description: 'Keeps the audit history of each PLP from PlpStatusChanged',
  trigger: { kind: 'event', event: PlpStatusChanged },
  access: { table: 'readWrite' },
});
