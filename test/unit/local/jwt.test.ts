import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { localIssuer } from '../../../local/jwt.ts';

describe('local JWT issuer and verifier', () => {
  it('verifies its own token and renders groups as API Gateway does', async () => {
    const issuer = await localIssuer('http://127.0.0.1:3000/dev');
    const token = await issuer.sign({
      sub: 'officer-demo',
      email: 'officer@demo.plp',
      groups: ['police', 'coordinator'],
    });
    const claims = await issuer.verify(token);
    expect(claims).toMatchObject({
      sub: 'officer-demo',
      email: 'officer@demo.plp',
      'cognito:groups': '[police coordinator]',
    });
  });

  it('signs staff tokens as a verified, MFA sign-in by default, and without either when asked', async () => {
    const issuer = await localIssuer('http://127.0.0.1:3000/dev');
    const admin = await issuer.verify(
      await issuer.sign({ sub: 'admin-demo', email: 'admin@demo.plp', groups: ['region_admin'] }),
    );
    expect(admin).toMatchObject({ email_verified: 'true', amr: '[pwd otp mfa]' });
    const coordinator = await issuer.verify(await issuer.sign({ sub: 'c', groups: ['coordinator'] }));
    expect(coordinator).toMatchObject({ amr: '[pwd]' });
    expect(coordinator).not.toHaveProperty('email_verified');
    const plain = await issuer.verify(
      await issuer.sign({
        sub: 'officer-demo',
        email: 'officer@demo.plp',
        groups: ['police'],
        emailVerified: false,
        mfa: false,
      }),
    );
    expect(plain).toMatchObject({ email_verified: 'false', amr: '[pwd]' });
  });

  it('refuses an expired token', async () => {
    const issuer = await localIssuer('http://127.0.0.1:3000/dev');
    const token = await issuer.sign({ sub: 'x', groups: [] }, -60);
    expect(await issuer.verify(token)).toBeUndefined();
  });

  it('refuses a token of another issuer, audience or key', async () => {
    const issuer = await localIssuer('http://127.0.0.1:3000/dev');
    const other = await localIssuer('http://127.0.0.1:3000/dev');
    expect(await issuer.verify(await other.sign({ sub: 'x', groups: [] }))).toBeUndefined();

    const { privateKey } = await generateKeyPair('RS256');
    const wrongAudience = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('x')
      .setIssuer(issuer.issuer)
      .setAudience('someone-else')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await issuer.verify(wrongAudience)).toBeUndefined();
  });

  it('refuses an unsigned token (alg none)', async () => {
    const issuer = await localIssuer('http://127.0.0.1:3000/dev');
    const [, payload] = (await issuer.sign({ sub: 'x', groups: ['region_admin'] })).split('.');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(await issuer.verify(unsigned)).toBeUndefined();
  });
});
