import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Stands in for `@aws-sdk/signature-v4-multi-region` in the Lambda bundles (infra/bundling.ts). EventBridge
 * signs with SigV4a only for global endpoints (an EndpointId), which we do not use; every request we send is
 * signed with plain SigV4, as the real class does when the region is not '*'.
 */
export class SignatureV4MultiRegion extends SignatureV4 {
  override async sign(request: any, options: any = {}): Promise<any> {
    if (options.signingRegion === '*') {
      throw new Error('SigV4a is not bundled: remove the signature-v4-multi-region alias in infra/bundling.ts');
    }
    return super.sign(request, options);
  }
}
