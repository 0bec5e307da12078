import { describe, expect, it } from 'vitest';
import { EnrolmentConfirmed, MemberLeft } from '../../../events/enrolment/enrolment-events.ts';
import type { FunctionSpec } from '../../../functions/spec.ts';
import { access, AccessDeniedError, tablesOf } from '../../../local/access.ts';

const spec = (a: FunctionSpec['access']): FunctionSpec => ({
  entry: 'x.handler.ts',
  description: 'x',
  trigger: { kind: 'event', event: EnrolmentConfirmed },
  access: a,
});

describe('local access rules (what IAM grants from a spec)', () => {
  it('lets a read-only function read and refuses its writes, transactions included', () => {
    const reader = spec({ table: 'read' });
    for (const op of ['GetItem', 'Query', 'BatchGetItem', 'TransactGetItems']) {
      expect(() => access.dynamodb('f', reader, op, ['t'], 't')).not.toThrow();
    }
    for (const op of ['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']) {
      expect(() => access.dynamodb('f', reader, op, ['t'], 't')).toThrow(AccessDeniedError);
    }
    expect(() => access.dynamodb('f', spec({ table: 'readWrite' }), 'PutItem', ['t'], 't')).not.toThrow();
  });

  it('refuses Scan and table management even with read/write access (no role is granted them)', () => {
    for (const op of ['Scan', 'DeleteTable', 'UpdateTable']) {
      expect(() => access.dynamodb('f', spec({ table: 'readWrite' }), op, ['t'], 't')).toThrow(AccessDeniedError);
    }
  });

  it('refuses any table call without table access, and any other table', () => {
    expect(() => access.dynamodb('f', spec({}), 'GetItem', ['t'], 't')).toThrow(/dynamodb:GetItem/);
    expect(() => access.dynamodb('f', spec({ table: 'readWrite' }), 'PutItem', ['t', 'u'], 't')).toThrow(/u/);
  });

  it('refuses updating, deleting or batch-writing an audit item, as the stack’s Deny does, and lets Puts append', () => {
    const writer = spec({ table: 'readWrite' });
    const key = (pk: string) => ({ PK: { S: pk }, SK: { S: 'SEQ#0000000001' } });
    const call = (op: string, request: Record<string, unknown>) => () =>
      access.dynamodb('f', writer, op, ['t'], 't', request);
    expect(call('UpdateItem', { Key: key('AUDIT#r-1') })).toThrow(/append-only/);
    expect(call('DeleteItem', { Key: key('AUDIT#r-1') })).toThrow(AccessDeniedError);
    expect(call('BatchWriteItem', { RequestItems: { t: [{ PutRequest: { Item: key('AUDIT#r-1') } }] } })).toThrow(
      AccessDeniedError,
    );
    expect(
      call('TransactWriteItems', {
        TransactItems: [{ Put: { Item: key('PLP#p') } }, { Delete: { Key: key('AUDIT#r') } }],
      }),
    ).toThrow(AccessDeniedError);
    expect(
      call('TransactWriteItems', {
        TransactItems: [{ Put: { Item: key('AUDIT#r') } }, { Put: { Item: key('AUDIT#r') } }],
      }),
    ).not.toThrow();
    expect(call('PutItem', { Item: key('AUDIT#r-1') })).not.toThrow();
    expect(call('UpdateItem', { Key: key('PLP#p-1') })).not.toThrow();
    expect(call('DeleteItem', { Key: key('MEMBER#m-1') })).not.toThrow();
  });

  it('finds every table a request names', () => {
    expect(
      tablesOf({
        TransactItems: [{ Put: { TableName: 'a' } }, { Delete: { TableName: 'b' } }],
        RequestItems: { c: {} },
        TableName: 'd',
      }).sort(),
    ).toEqual(['a', 'b', 'c', 'd']);
  });

  it('allows publishing only the declared contracts', () => {
    const s = spec({ publishes: [EnrolmentConfirmed] });
    expect(() => access.publish('f', s, EnrolmentConfirmed.source, EnrolmentConfirmed.detailType)).not.toThrow();
    expect(() => access.publish('f', s, MemberLeft.source, MemberLeft.detailType)).toThrow(/events:PutEvents/);
  });

  it('allows SMS, e-mail, the pepper and queues only when declared', () => {
    expect(() => access.sms('f', spec({}))).toThrow(AccessDeniedError);
    expect(() => access.sms('f', spec({ sms: true }))).not.toThrow();
    expect(() => access.email('f', spec({}))).toThrow(AccessDeniedError);
    expect(() => access.email('f', spec({ email: true }))).not.toThrow();
    expect(() => access.secret('f', spec({}), 'arn:p', 'arn:p')).toThrow(AccessDeniedError);
    expect(() => access.secret('f', spec({ pepper: true }), 'arn:other', 'arn:p')).toThrow(AccessDeniedError);
    expect(() => access.secret('f', spec({ pepper: true }), 'arn:p', 'arn:p')).not.toThrow();
    expect(() => access.queue('f', spec({ sendsTo: ['a'] }), 'b')).toThrow(/sqs:SendMessage/);
    expect(() => access.queue('f', spec({ sendsTo: ['a'] }), 'a')).not.toThrow();
  });
});
