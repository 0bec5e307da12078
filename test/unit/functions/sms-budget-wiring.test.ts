import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { functionEntries } from '../../../functions/manifest.ts';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Functions that send SMS but only what no PLP budget pays for (docs/api.md, "SMS budget"): confirmation codes
 * (enrolment, contact change) and member links, which a resident needs to get in, or at their own data.
 */
const EXEMPT = new Set(['requestEnrolment', 'requestContactChange', 'sendMemberLink']);

/**
 * `smsBudget` is optional in EnrolmentDeps (unit tests of other rules leave it out, and then nothing is charged),
 * so this is what makes sure a deployed function charges: every function whose spec may send SMS builds the
 * budget, unless it sends only what is exempt.
 */
describe('SMS budget wiring', () => {
  const senders = functionEntries().filter(([, spec]) => spec.access.sms);

  it.each(senders.filter(([name]) => !EXEMPT.has(name)))('%s builds smsBudget() for its use case', (_, spec) => {
    expect(readFileSync(path.join(root, spec.entry), 'utf8')).toMatch(/\bsmsBudget: smsBudget\(\)/);
  });

  it('names only functions that send SMS as exempt', () => {
    expect([...EXEMPT].filter((name) => !senders.some(([n]) => n === name))).toEqual([]);
  });
});
