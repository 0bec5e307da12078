import type { FunctionSpec } from '../functions/spec.ts';
import { tableDefinition } from '../shared/table/definition.ts';
import { partitions } from '../shared/table/keys.ts';

/**
 * What IAM would allow a function, from its spec's `access` (the CDK app grants exactly this: see
 * infra/constructs/app-function.ts). The local runtime asks these before it forwards a call, and refuses the
 * rest with the error AWS would give, so a function that forgot to declare something fails locally too.
 */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
}

const deny = (fn: string, action: string, resource: string, why: string) =>
  new AccessDeniedError(`${fn} is not authorized to perform: ${action} on resource: ${resource} (${why})`);

/** DynamoDB operations a `table: 'read'` grant allows (infra/constructs/app-function.ts: tableReadActions). */
const DYNAMODB_READS = new Set([
  'GetItem',
  'BatchGetItem',
  'Query',
  'TransactGetItems',
  'DescribeTable',
  'ConditionCheckItem',
]);
/** … and those a `table: 'readWrite'` grant adds. Anything else (Scan, table management) is refused. */
const DYNAMODB_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

/** The table names a DynamoDB request touches (TableName, RequestItems, TransactItems). */
export function tablesOf(body: Record<string, any>): string[] {
  const names = new Set<string>();
  if (typeof body.TableName === 'string') names.add(body.TableName);
  for (const name of Object.keys(body.RequestItems ?? {})) names.add(name);
  for (const item of body.TransactItems ?? []) {
    for (const op of Object.values(item as Record<string, { TableName?: string }>)) {
      if (op?.TableName) names.add(op.TableName);
    }
  }
  return [...names];
}

/** The partition-key prefix of audit items (shared/audit/: append-only). */
const AUDIT_PREFIX = partitions.auditTrail('').pk;

/**
 * The partition keys a write request would update, delete or batch-write (a marshalled request body): what
 * the stack's Deny on `dynamodb:LeadingKeys` `AUDIT#*` (infra/constructs/app-function.ts bindTable) looks at.
 * Puts, alone or in a transaction, are not among them: audit entries are appended by Put.
 */
export function updatedOrDeletedKeys(operation: string, body: Record<string, any>): string[] {
  const pkOf = (key: Record<string, { S?: string }> | undefined) => key?.[tableDefinition.partitionKey]?.S;
  const keys: (string | undefined)[] = [];
  if (operation === 'UpdateItem' || operation === 'DeleteItem') keys.push(pkOf(body.Key));
  if (operation === 'BatchWriteItem') {
    for (const requests of Object.values(body.RequestItems ?? {}) as Record<string, any>[][]) {
      for (const r of requests) keys.push(pkOf(r.PutRequest?.Item ?? r.DeleteRequest?.Key));
    }
  }
  if (operation === 'TransactWriteItems') {
    for (const item of body.TransactItems ?? []) keys.push(pkOf(item.Update?.Key ?? item.Delete?.Key));
  }
  return keys.filter((k): k is string => k !== undefined);
}

export const access = {
  dynamodb(
    fn: string,
    spec: FunctionSpec,
    operation: string,
    tables: string[],
    tableName: string,
    request: Record<string, any> = {},
  ) {
    const action = `dynamodb:${operation}`;
    const mode = spec.access.table;
    if (!mode) throw deny(fn, action, tables.join(', '), 'its spec declares no table access');
    const granted = DYNAMODB_READS.has(operation) || (mode === 'readWrite' && DYNAMODB_WRITES.has(operation));
    if (!granted) throw deny(fn, action, tables.join(', '), `its spec declares table: '${mode}'`);
    const other = tables.filter((t) => t !== tableName);
    if (other.length > 0) throw deny(fn, action, other.join(', '), 'only the stage table is granted');
    const audit = updatedOrDeletedKeys(operation, request).find((pk) => pk.startsWith(AUDIT_PREFIX));
    if (audit) throw deny(fn, action, `${tableName} ${audit}`, 'audit items are append-only (explicit deny)');
  },
  email(fn: string, spec: FunctionSpec) {
    if (!spec.access.email) throw deny(fn, 'ses:SendEmail', 'identity/*', 'its spec declares no email access');
  },
  sms(fn: string, spec: FunctionSpec) {
    if (!spec.access.sms) throw deny(fn, 'sns:Publish', 'phone number', 'its spec declares no sms access');
  },
  publish(fn: string, spec: FunctionSpec, source: string, detailType: string) {
    const declared = (spec.access.publishes ?? []).some((c) => c.source === source && c.detailType === detailType);
    if (!declared) {
      throw deny(fn, 'events:PutEvents', `${source} ${detailType}`, 'the event is not in its spec’s access.publishes');
    }
  },
  secret(fn: string, spec: FunctionSpec, secretArn: string, pepperArn: string) {
    if (!spec.access.pepper || secretArn !== pepperArn) {
      throw deny(fn, 'secretsmanager:GetSecretValue', secretArn, 'its spec declares no pepper access');
    }
  },
  queue(fn: string, spec: FunctionSpec, queue: string) {
    if (!(spec.access.sendsTo ?? []).includes(queue)) {
      throw deny(fn, 'sqs:SendMessage', queue, 'the queue is not in its spec’s access.sendsTo');
    }
  },
};
