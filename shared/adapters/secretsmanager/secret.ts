import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * A secret's string, read once per container and kept; a failed or empty read is not kept, so the next
 * call tries again.
 */
export function cachedSecret(client: SecretsManagerClient, secretId: string): () => Promise<string> {
  let value: Promise<string> | undefined;
  return () => {
    value ??= client.send(new GetSecretValueCommand({ SecretId: secretId })).then((res) => {
      if (!res.SecretString) throw new Error('The secret has no string value');
      return res.SecretString;
    });
    value.catch(() => (value = undefined));
    return value;
  };
}
