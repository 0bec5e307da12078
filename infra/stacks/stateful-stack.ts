import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { Group } from '../../shared/directory/caller.ts';
import { DEFAULT_SMS_MONTHLY_SPEND_LIMIT_USD, SmsSpend } from '../constructs/sms-spend.ts';
import { tableDefinition } from '../../shared/table/definition.ts';

export type StatefulStackProps = StackProps & {
  stage: string;
  /** Domain verified in SES for outgoing e-mail (context `senderDomain`); none ⇒ no identity here. */
  senderDomain?: string;
  /** The account's monthly SMS spend limit in USD (context `smsMonthlySpendLimitUsd`; 100 by default). */
  smsMonthlySpendLimitUsd?: number;
};

/**
 * Everything that holds data or identities and must survive a redeploy of the functions: the single table,
 * the event bus, the staff user pool, the inbound SMS topic, the SES configuration and the member pepper.
 * Retained on delete.
 */
export class StatefulStack extends Stack {
  readonly table: Table;
  readonly bus: EventBus;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** Two-way SMS: AWS End User Messaging SMS publishes the replies of members here. */
  readonly smsInboundTopic: Topic;
  readonly configurationSet: ConfigurationSet;
  readonly senderDomain?: string;
  /** The HMAC key ("pepper") of confirmation codes, member tokens and contact keys. */
  readonly memberPepper: Secret;
  /** The account's SMS spend limit and the alarm before it (infra/constructs/sms-spend.ts). */
  readonly smsSpend: SmsSpend;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { stage } = props;

    const attr = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new Table(this, 'Table', {
      tableName: `plp-${stage}`,
      partitionKey: attr(tableDefinition.partitionKey),
      sortKey: attr(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: tableDefinition.ttlAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS managed key (aws/dynamodb): encrypted with KMS, every use of the key is in CloudTrail, no key
      // policy to maintain and no monthly key cost. A customer managed key would only pay off for
      // cross-account access or crypto-shredding, neither of which this app does (expiry is TTL).
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: stage === 'prod',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const gsi of tableDefinition.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: gsi.indexName,
        partitionKey: attr(gsi.partitionKey),
        sortKey: attr(gsi.sortKey),
      });
    }

    this.bus = new EventBus(this, 'Bus', { eventBusName: `plp-${stage}` });
    this.bus.applyRemovalPolicy(RemovalPolicy.RETAIN);

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `plp-${stage}`,
      // Staff (police, coordinators, administrators) are invited by an administrator, never self-registered.
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      // A changed e-mail takes effect only once its code is confirmed: until then the token keeps the verified
      // address, so an unverified address never reaches `email` (assignments made by e-mail bind to it).
      keepOriginal: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Cognito cannot require MFA per group: the pool offers TOTP to everyone and the API refuses police and
      // administrator tokens without a second factor (`amr`, shared/http/auth.ts); coordinators may use it.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus plan: threat protection blocks compromised credentials and challenges risky sign-ins.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: stage === 'prod',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        'MFA (TOTP only) is required per group, which Cognito cannot express: the pool is OPTIONAL and the API ' +
        'refuses police, commune_admin and region_admin tokens whose amr claim shows no mfa (shared/http/auth.ts); ' +
        'coordinators (citizen volunteers) may use it. Threat protection (Plus plan, full function) also ' +
        'challenges risky sign-ins',
    });
    for (const group of Group.options) {
      new UserPoolGroup(this, `Group-${group}`, { userPool: this.userPool, groupName: group });
    }
    this.userPoolClient = this.userPool.addClient('WebClient', {
      userPoolClientName: `plp-${stage}-web`,
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
      disableOAuth: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    // Encrypted with a customer managed key: End User Messaging SMS can only publish to an encrypted topic
    // if the key policy lets it use the key, which the AWS managed aws/sns key does not allow.
    const smsKey = new Key(this, 'SmsInboundKey', {
      description: `plp-${stage}: inbound SMS topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const smsService = new ServicePrincipal('sms-voice.amazonaws.com');
    smsKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsService],
        actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );
    this.smsInboundTopic = new Topic(this, 'SmsInboundTopic', {
      topicName: `plp-${stage}-sms-inbound`,
      masterKey: smsKey,
      enforceSSL: true,
    });
    this.smsInboundTopic.addToResourcePolicy(
      new PolicyStatement({
        principals: [smsService],
        actions: ['sns:Publish'],
        resources: [this.smsInboundTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    );

    this.smsSpend = new SmsSpend(this, 'SmsSpend', {
      stage,
      monthlySpendLimitUsd: props.smsMonthlySpendLimitUsd ?? DEFAULT_SMS_MONTHLY_SPEND_LIMIT_USD,
    });

    // Every member link, confirmation code and stored contact/limit key is an HMAC under this key: losing or
    // changing it invalidates them all. Generated by Secrets Manager (the value never appears in a
    // template), encrypted with the AWS managed key aws/secretsmanager, kept when the stack is deleted.
    this.memberPepper = new Secret(this, 'MemberPepper', {
      secretName: `plp-${stage}/member-pepper`,
      description: `plp-${stage}: HMAC key of confirmation codes, member tokens and contact keys; never rotate without re-keying`,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.memberPepper).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The pepper is the HMAC key of every member link and every stored contact and rate-limit key: rotating it ' +
        'would invalidate them all at once. Changing it needs a re-keying migration of the table (docs/deploy.md), not rotation',
    });

    this.configurationSet = new ConfigurationSet(this, 'EmailConfigurationSet', {
      configurationSetName: `plp-${stage}`,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    if (props.senderDomain) {
      this.senderDomain = props.senderDomain;
      const identity = new EmailIdentity(this, 'SenderIdentity', {
        identity: Identity.domain(props.senderDomain),
        configurationSet: this.configurationSet,
      });
      identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `DkimRecord${i + 1}`, {
          description: `DKIM CNAME to publish in ${props.senderDomain}`,
          value: `${record.name} CNAME ${record.value}`,
        });
      });
    }

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.eventBusName });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'SmsInboundTopicArn', { value: this.smsInboundTopic.topicArn });
    new CfnOutput(this, 'MemberPepperSecretArn', { value: this.memberPepper.secretArn });
  }
}
