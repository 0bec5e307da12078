import 'aws-sdk-client-mock-vitest/extend';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cachedSecret } from '../../../shared/adapters/secretsmanager/secret.ts';

const secrets = mockClient(SecretsManagerClient);
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:plp-dev/member-pepper-AbCdEf';
const client = () => new SecretsManagerClient({ region: 'eu-west-1' });

describe('cachedSecret (Secrets Manager)', () => {
  beforeEach(() => secrets.reset());

  it('reads the secret once and keeps it for the container', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretString: 'pepper-value' });
    const pepper = cachedSecret(client(), ARN);
    expect(await pepper()).toBe('pepper-value');
    expect(await pepper()).toBe('pepper-value');
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 1);
    expect(secrets).toHaveReceivedCommandWith(GetSecretValueCommand, { SecretId: ARN });
  });

  it('does not keep a failure: the next call reads again', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: 'pepper-value' });
    const pepper = cachedSecret(client(), ARN);
    await expect(pepper()).rejects.toThrow('throttled');
    expect(await pepper()).toBe('pepper-value');
    expect(secrets).toHaveReceivedCommandTimes(GetSecretValueCommand, 2);
  });

  it('refuses an empty secret', async () => {
    secrets.on(GetSecretValueCommand).resolves({});
    await expect(cachedSecret(client(), ARN)()).rejects.toThrow(/no string value/);
  });
});
