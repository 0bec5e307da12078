import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as directoryProblems from '../../../shared/directory/problems.ts';
import * as enrolmentProblems from '../../../shared/enrolment/problems.ts';
import * as genericProblems from '../../../shared/i18n/problems.ts';
import * as reportProblems from '../../../shared/reports/problems.ts';
import type { FieldKind, ProblemKind } from '../../../shared/i18n/problems.ts';

const exported = [genericProblems, directoryProblems, enrolmentProblems, reportProblems].flatMap((m) =>
  Object.values(m as object),
);
const kinds = exported.filter((k): k is ProblemKind => typeof (k as ProblemKind)?.slug === 'string');
const fields = exported.filter((f): f is FieldKind => typeof (f as FieldKind)?.code === 'string');

describe('docs/api.md', () => {
  const docs = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');

  it('lists every problem type with its status', () => {
    for (const k of kinds) expect(docs, k.slug).toMatch(new RegExp(`\\| \`${k.slug}\` +\\| ${k.status} +\\|`));
  });

  it('lists every field code', () => {
    for (const f of fields) expect(docs, f.code).toContain(`\`${f.code}\``);
  });
});
