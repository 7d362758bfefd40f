import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateArnFor } from '../../src/platform/ingress.js';
import { CLUSTER_SECRET_STORE } from '../../src/platform/secrets.js';
import { VERSION_LOCK } from '../../src/platform/versions.js';
import {
  associations,
  charts,
  dig,
  exampleEnv,
  manifests,
  resourcesOf,
  type Synthesized,
  synth,
  variantEnv,
} from './fixtures.js';

let test: Synthesized;
let prod: Synthesized;
beforeAll(async () => {
  [test, prod] = await Promise.all([synth(await exampleEnv('test')), synth(await exampleEnv('prod'))]);
});

const lock = VERSION_LOCK['1.35'];

describe('identity', () => {
  it('installs exactly one Pod Identity agent add-on at the locked version and no OIDC provider', () => {
    for (const s of [test, prod]) {
      const agents = resourcesOf(s.template, 'AWS::EKS::Addon').filter(
        ([, r]) => r.Properties?.AddonName === 'eks-pod-identity-agent',
      );
      expect(agents).toHaveLength(1);
      expect(agents[0][1].Properties?.AddonVersion).toBe(lock.addons['eks-pod-identity-agent']);
      s.template.resourceCountIs('Custom::AWSCDKOpenIdConnectProvider', 0);
      s.template.resourceCountIs('AWS::IAM::OIDCProvider', 0);
    }
  });

  it('adds an OIDC provider only when irsa is on', async () => {
    const env = variantEnv('test', (c) => {
      c.cluster = { ...(c.cluster as object), irsa: true };
    });
    const s = await synth(env);
    const oidc =
      resourcesOf(s.template, 'AWS::IAM::OIDCProvider').length +
      resourcesOf(s.template, 'Custom::AWSCDKOpenIdConnectProvider').length;
    expect(oidc).toBe(1);
  });

  it('trusts only the Pod Identity service in every pod role', () => {
    const roles = resourcesOf(prod.template, 'AWS::IAM::Role').filter(([, r]) =>
      JSON.stringify(r.Properties?.AssumeRolePolicyDocument).includes('pods.eks.amazonaws.com'),
    );
    expect(roles.length).toBeGreaterThanOrEqual(8);
    for (const [, r] of roles) {
      const statements = dig(r.Properties, 'AssumeRolePolicyDocument', 'Statement') as { Action: string[] }[];
      expect(statements[0].Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
    }
  });

  it('associates the controllers with their service accounts', () => {
    for (const s of [test, prod]) {
      expect(associations(s.template)).toEqual(
        expect.arrayContaining([
          'kube-system/aws-load-balancer-controller',
          'kube-system/ebs-csi-controller-sa',
          'external-secrets/external-secrets',
          'amazon-cloudwatch/cloudwatch-agent',
          'keda/keda-operator',
        ]),
      );
    }
  });
});

describe('ingress', () => {
  it('installs the AWS Load Balancer Controller chart at the locked version with the default alb class', () => {
    const alb = charts(prod.template).get('aws-load-balancer-controller');
    expect(alb?.Version).toBe(lock.charts.awsLoadBalancerController.version);
    expect(alb?.Repository).toBe('https://aws.github.io/eks-charts');
    const values = JSON.parse(String(alb?.Values)) as Record<string, unknown>;
    expect(values).toMatchObject({
      clusterName: 'shop-prod',
      vpcTags: { 'slipway.io/cluster': 'shop-prod' },
      ingressClass: 'alb',
      ingressClassConfig: { default: true },
      serviceAccount: { create: true, name: 'aws-load-balancer-controller' },
    });
  });

  it('requests a DNS-validated certificate for the domain and its wildcard', () => {
    prod.template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'shop.example.com',
      SubjectAlternativeNames: ['*.shop.example.com'],
      ValidationMethod: 'DNS',
    });
    prod.template.hasOutput('*', { Value: { Ref: Match.stringLikeRegexp('^IngressCertificate') } });
    expect(certificateArnFor(prod.env)).toBeUndefined();
  });

  it('uses a configured certificate instead of requesting one', async () => {
    const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';
    const env = variantEnv('prod', (c) => {
      c.domain = { name: 'shop.example.com', certificateArn: arn };
    });
    const s = await synth(env);
    s.template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(certificateArnFor(env)).toBe(arn);
    s.template.hasOutput('*', { Value: arn });
  });
});

describe('storage', () => {
  it('installs the EBS CSI driver add-on at the locked version', () => {
    prod.template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'aws-ebs-csi-driver',
      AddonVersion: lock.addons['aws-ebs-csi-driver'],
    });
  });

  it('makes gp3 the default encrypted WaitForFirstConsumer class that tags volumes for backup, plus io2', () => {
    const classes = manifests(prod.template).filter((m) => m.kind === 'StorageClass');
    const gp3 = classes.find((c) => dig(c, 'metadata', 'name') === 'gp3');
    expect(gp3).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      parameters: { type: 'gp3', encrypted: 'true', tagSpecification_1: 'slipway.io/backup=shop-prod' },
    });
    const io2 = classes.find((c) => dig(c, 'metadata', 'name') === 'io2');
    expect(dig(io2, 'parameters', 'type')).toBe('io2');
    expect(dig(io2, 'metadata', 'annotations')).toBeUndefined();
    expect(classes.some((c) => dig(c, 'metadata', 'name') === 'gp2')).toBe(false);
  });
});

describe('secrets', () => {
  it('installs External Secrets at the locked version and, with tiers, no ClusterSecretStore', () => {
    const eso = charts(prod.template).get('external-secrets');
    expect(eso?.Version).toBe(lock.charts.externalSecrets.version);
    expect(manifests(prod.template).some((m) => m.kind === 'ClusterSecretStore')).toBe(false);
  });

  it('limits the ClusterSecretStore of a project without tiers to the namespaces of apps with secrets', async () => {
    const flat = await synth(
      variantEnv('prod', (input) => {
        for (const app of input.apps as Record<string, unknown>[]) delete app.tier;
        (input.secrets as unknown) = { clusterStoreNamespaces: ['batch'] };
      }),
    );
    const store = manifests(flat.template).find((m) => m.kind === 'ClusterSecretStore');
    expect(store).toMatchObject({
      metadata: { name: CLUSTER_SECRET_STORE },
      spec: {
        conditions: [{ namespaces: ['batch', 'shop'] }],
        provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } },
      },
    });
    expect(JSON.stringify(flat.template.toJSON())).toContain(
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:EKS/prod/*',
    );
  });

  it('gives the controller no secret access of its own with tiers: it reads only by assuming a tier role', () => {
    const text = JSON.stringify(prod.template.toJSON());
    expect(text).not.toContain('secret:EKS/prod/*');
    const assume = resourcesOf(prod.template, 'AWS::IAM::Policy').flatMap(([, r]) =>
      ((dig(r.Properties, 'PolicyDocument', 'Statement') as { Action: string | string[] }[]) ?? []).filter((st) =>
        [st.Action].flat().includes('sts:AssumeRole'),
      ),
    );
    expect(assume.length).toBeGreaterThan(0);
  });

  it('lets the controller read only secrets under EKS/<env> and never secretsmanager on *', () => {
    for (const s of [test, prod]) {
      const text = JSON.stringify(s.template.toJSON());
      const docs = [
        ...resourcesOf(s.template, 'AWS::IAM::Role').flatMap(([, r]) =>
          ((r.Properties?.Policies as { PolicyDocument: unknown }[]) ?? []).map((p) => p.PolicyDocument),
        ),
        ...resourcesOf(s.template, 'AWS::IAM::Policy').map(([, r]) => r.Properties?.PolicyDocument),
      ];
      for (const doc of docs) {
        for (const st of (dig(doc, 'Statement') as { Action: string | string[]; Resource: unknown }[]) ?? []) {
          const actions = [st.Action].flat();
          if (actions.some((a) => a.startsWith('secretsmanager:'))) {
            expect(st.Resource).not.toBe('*');
            expect(actions.every((a) => !a.endsWith('*'))).toBe(true);
            for (const r of [st.Resource].flat()) expect(String(r)).toContain(`:secret:EKS/${s.env.name}/`);
          }
        }
      }
      expect(text).toContain(`arn:aws:secretsmanager:us-east-1:123456789012:secret:EKS/${s.env.name}/`);
    }
  });
});
