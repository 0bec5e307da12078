import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type SmsBudgetStore, withinBudget } from '../../messaging/sms-budget.ts';
import { entities, keys } from '../../table/keys.ts';
import { isConditionFailure } from './client.ts';
import { entity } from './table.ts';

/**
 * Budgeted SMS spend on the single table (access pattern 19): one counter item per (PLP, month). A charge is
 * one UpdateItem that ADDs the cost, the segments and one message under the condition that the month's spend
 * stays within the budget (`spent <= budget - cost`); DynamoDB applies conditional updates of one item one
 * after the other, so no race takes a month past its budget. The item is created by the first charge of the
 * month, so a new month starts from zero.
 */
export function dynamoSmsBudgetStore(doc: DynamoDBDocumentClient, tableName: string): SmsBudgetStore {
  // `segments` is a DynamoDB reserved word: every counter goes by a name placeholder.
  const names = { '#spent': 'spentMicroEur', '#segments': 'segments', '#messages': 'messages' };
  const [[entityName, entityValue]] = Object.entries(entity(entities.smsSpend)) as [[string, string]];
  return {
    async chargeSms(charge, budgetMicroEur) {
      // The rule with nothing spent yet: a charge larger than the whole budget is refused without a write.
      if (!withinBudget(0, charge.costMicroEur, budgetMicroEur)) return false;
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.smsSpend(charge.plpId, charge.month),
            UpdateExpression:
              'SET #entity = :entity, #plpId = :plpId, #month = :month ADD #spent :cost, #segments :segments, #messages :one',
            ConditionExpression: 'attribute_not_exists(#spent) OR #spent <= :room',
            ExpressionAttributeNames: { ...names, '#entity': entityName, '#plpId': 'plpId', '#month': 'month' },
            ExpressionAttributeValues: {
              ':entity': entityValue,
              ':plpId': charge.plpId,
              ':month': charge.month,
              ':cost': charge.costMicroEur,
              ':segments': charge.segments,
              ':one': 1,
              ':room': budgetMicroEur - charge.costMicroEur,
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    async refundSms(charge) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.smsSpend(charge.plpId, charge.month),
            UpdateExpression: 'ADD #spent :minusCost, #segments :minusSegments, #messages :minusOne',
            ConditionExpression: '#spent >= :cost AND #messages >= :one',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ':minusCost': -charge.costMicroEur,
              ':minusSegments': -charge.segments,
              ':minusOne': -1,
              ':cost': charge.costMicroEur,
              ':one': 1,
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error; // nothing (or less) was charged: nothing to give back
      }
    },

    async smsSpent(plpId, month) {
      const res = await doc.send(
        new GetCommand({ TableName: tableName, Key: keys.smsSpend(plpId, month), ConsistentRead: true }),
      );
      return {
        spentMicroEur: (res.Item?.spentMicroEur as number | undefined) ?? 0,
        segments: (res.Item?.segments as number | undefined) ?? 0,
        messages: (res.Item?.messages as number | undefined) ?? 0,
      };
    },
  };
}
