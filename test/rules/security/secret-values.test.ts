import { describe, expect, it } from 'vitest';
import rule from '../../../src/rules/security/secret-values.js';
import { maskedPrefix, shannonEntropy } from '../../../src/rules/support/secret-shapes.js';
import { deployment, goodContainer, inventory, kobj, type Obj, run, statuses, statusOf } from '../helpers.js';

// Built from parts, so no credential-shaped literal sits in the repository.
const repeat = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const RANDOM = 'q8ZtR2vLx9NcW4mPaB7yKe3HdJ6sUf1G';
const SHAPED = {
  pem: ['-----BEGIN RSA PRIVATE', 'KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----'].join(' '),
  openssh: ['-----BEGIN OPENSSH PRIVATE', 'KEY-----\nb3Blbn\n'].join(' '),
  shortDashes: ['--BEGIN EC PRIVATE', 'KEY--\nMHcCAQ\n--END EC PRIVATE KEY--'].join(' '),
  certificate: ['-----BEGIN', 'CERTIFICATE-----\nMIIDdz\n-----END CERTIFICATE-----'].join(' '),
  github: `ghp_${repeat(RANDOM, 36)}`,
  githubApp: `ghs_${repeat(RANDOM, 36)}`,
  githubPat: `github_pat_${repeat(RANDOM, 22)}_${repeat(RANDOM, 59)}`,
  gitlab: `glpat-${repeat(RANDOM, 20)}`,
  slack: `xoxb-1234567890-${repeat(RANDOM, 24)}`,
  slackWebhook: `https://hooks.slack.com/services/T0${'ABCDEFG'}/B0${'HIJKLMN'}/${repeat(RANDOM, 24)}`,
  stripe: `sk_${'live'}_${repeat(RANDOM, 24)}`,
  stripeRestricted: `rk_${'live'}_${repeat(RANDOM, 24)}`,
  awsKeyId: `AKIA${'Q7ZB3XKW9MPL2RTE'}`,
  awsTempKeyId: `ASIA${'Q7ZB3XKW9MPL2RTE'}`,
  awsSecret: repeat(`${RANDOM}/+`, 40),
  urlPassword: `postgres://app:${repeat(RANDOM, 12)}@db.internal:5432/shop`,
};

const withEnv = (env: Obj[]) => deployment({ containers: [goodContainer('app', { env })] });

describe('security.secret-values', () => {
  it.each<[string, Obj]>([
    ['a PEM private key', { name: 'TLS_KEY', value: SHAPED.pem }],
    ['an OpenSSH private key', { name: 'DEPLOY', value: SHAPED.openssh }],
    ['a private key whose header lost some dashes', { name: 'SIGNER', value: SHAPED.shortDashes }],
    ['a GitHub token under any name', { name: 'GH', value: SHAPED.github }],
    ['a GitHub App token', { name: 'X', value: SHAPED.githubApp }],
    ['a GitHub fine-grained token', { name: 'X', value: SHAPED.githubPat }],
    ['a GitLab token', { name: 'X', value: SHAPED.gitlab }],
    ['a Slack bot token', { name: 'X', value: SHAPED.slack }],
    ['a Slack webhook', { name: 'NOTIFY_URL', value: SHAPED.slackWebhook }],
    ['a Stripe live key', { name: 'X', value: SHAPED.stripe }],
    ['a Stripe restricted key', { name: 'X', value: SHAPED.stripeRestricted }],
    ['an AWS access key id', { name: 'X', value: SHAPED.awsKeyId }],
    ['a temporary AWS access key id', { name: 'X', value: SHAPED.awsTempKeyId }],
    ['an AWS secret key under its name', { name: 'AWS_SECRET_ACCESS_KEY', value: SHAPED.awsSecret }],
    ['a password inside a URL', { name: 'DATABASE', value: SHAPED.urlPassword }],
    ['a high-entropy API token', { name: 'API_TOKEN', value: RANDOM }],
    ['a high-entropy client secret', { name: 'oauth.client_secret', value: RANDOM }],
  ])('fails %s in an env literal', (_, env) => {
    const results = run(rule, inventory({ kube: [withEnv([env])] }));
    expect(statuses(results, 'api')).toEqual(['fail']);
    expect(results[0].path?.slice(-3)).toEqual(['env', 0, 'value']);
  });

  it.each<[string, Obj]>([
    ['a short password (judged by no-plain-secrets)', { name: 'DB_PASSWORD', value: 'hunter2' }],
    ['a low-entropy value under a secret name', { name: 'API_TOKEN', value: 'aaaaaaaaaaaaaaaaaaaaaaaa' }],
    ['a high-entropy value under a plain name', { name: 'BUILD_ID', value: RANDOM }],
    ['a reference name', { name: 'API_TOKEN_FILE', value: '/run/secrets/api/token-value-file' }],
    ['a placeholder', { name: 'API_TOKEN', value: `\${API_TOKEN_FROM_THE_ENVIRONMENT}` }],
    ['a value from a Secret', { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 'api', key: 'token' } } }],
    ['a URL whose password is a placeholder', { name: 'DATABASE', value: `postgres://app:\${DB_PASSWORD}@db:5432/x` }],
    ['a URL without credentials', { name: 'API', value: 'https://api.example.com/v1' }],
    ['the AWS documentation example key id', { name: 'X', value: `AKIA${'IOSFODNN7'}EXAMPLE` }],
    [
      'the AWS documentation example secret key',
      { name: 'AWS_SECRET_ACCESS_KEY', value: `wJalrXUtnFEMI/K7MDENG/bPxRfiCY${'EXAMPLEKEY'}` },
    ],
    ['a 40-character value alone under a plain name', { name: 'COMMIT', value: SHAPED.awsSecret }],
    ['a public certificate', { name: 'CA_BUNDLE', value: SHAPED.certificate }],
  ])('passes %s', (_, env) => {
    expect(statuses(run(rule, inventory({ kube: [withEnv([env])] })), 'api')).toEqual(['pass']);
  });

  it.each<[string, Record<string, string>]>([
    ["Helm's checksum of a Secret", { 'checksum/secret': repeat('3f2a9c0d1e8b7a6f', 64) }],
    [
      'a data hash under an external-secrets.io annotation',
      { 'reconcile.external-secrets.io/data-hash': repeat('9c0d1e8b', 32) },
    ],
    ['a Vault agent secret path', { 'vault.hashicorp.com/agent-inject-secret-db': 'internal/data/database/config' }],
  ])('passes an annotation holding %s', (_, podAnnotations) => {
    expect(statuses(run(rule, inventory({ kube: [deployment({ podAnnotations })] })), 'api')).toEqual(['pass']);
  });

  it.each<[string, string]>([
    ['a passphrase of words', 'correct horse battery staple and more'],
    ['lower-case letters only', 'qwzxnvbmlkjhgfdsapoiuytrewq'],
  ])('passes %s under a secret-like name (the entropy test wants a random-looking value)', (_, value) => {
    expect(statuses(run(rule, inventory({ kube: [withEnv([{ name: 'API_TOKEN', value }])] })), 'api')).toEqual([
      'pass',
    ]);
  });

  it('fails an AWS secret key stored beside an access key id, whatever it is called', () => {
    const env = [
      { name: 'KEY', value: SHAPED.awsKeyId },
      { name: 'OTHER', value: SHAPED.awsSecret },
    ];
    const results = run(rule, inventory({ kube: [withEnv(env)] }));
    expect(results.map((r) => [r.status, r.path?.at(-2)])).toEqual([
      ['fail', 0],
      ['fail', 1],
    ]);
    expect(results[1].message).toContain('AWS secret access key');
  });

  it('checks args and command, including --flag=value', () => {
    const d = deployment({
      containers: [
        goodContainer('app', { command: ['app'], args: ['--log=info', `--api-token=${RANDOM}`, SHAPED.github] }),
      ],
    });
    const results = run(rule, inventory({ kube: [d] }));
    expect(results.map((r) => [r.status, r.path?.slice(-2)])).toEqual([
      ['fail', ['args', 1]],
      ['fail', ['args', 2]],
    ]);
  });

  it('checks init containers and annotations on the object and its pod template', () => {
    const d = deployment({
      initContainers: [{ name: 'fetch', image: 'x:1', env: [{ name: 'X', value: SHAPED.gitlab }] }],
      annotations: { 'ci.example.com/token': SHAPED.github },
      podAnnotations: { 'notify/webhook': SHAPED.slackWebhook },
    });
    const results = run(rule, inventory({ kube: [d] }));
    expect(results.map((r) => r.path)).toEqual([
      ['spec', 'template', 'spec', 'initContainers', 0, 'env', 0, 'value'],
      ['spec', 'template', 'metadata', 'annotations', 'notify/webhook'],
      ['metadata', 'annotations', 'ci.example.com/token'],
    ]);
    expect(statuses(results)).toEqual(['fail', 'fail', 'fail']);
  });

  it.each<[string, Obj, string | undefined]>([
    ['a ConfigMap holding a Stripe key', kobj('ConfigMap', 'o', { data: { PAYMENTS: SHAPED.stripe } }), 'fail'],
    [
      'a ConfigMap with a credentials file',
      kobj('ConfigMap', 'o', { data: { credentials: `[default]\naws_secret_access_key = ${SHAPED.awsSecret}\n` } }),
      'fail',
    ],
    [
      'a plain ConfigMap',
      kobj('ConfigMap', 'o', { data: { REGION: 'us-east-1', SECRET_NAME: 'EKS/prod/api/db' } }),
      'pass',
    ],
    [
      'a Service annotated with a token',
      kobj('Service', 'o', { metadata: { annotations: { 'x/token': SHAPED.slack } } }),
      'fail',
    ],
    [
      'a Service with plain annotations',
      kobj('Service', 'o', { metadata: { annotations: { 'x/scheme': 'internal' } } }),
      undefined,
    ],
    [
      'a Secret manifest with a PEM key in stringData',
      kobj('Secret', 'o', { stringData: { 'tls.key': SHAPED.pem } }),
      'fail',
    ],
    [
      'a Secret manifest with a GitHub token in data',
      kobj('Secret', 'o', { data: { token: Buffer.from(SHAPED.github).toString('base64') } }),
      'fail',
    ],
    ['a Secret manifest with config data', kobj('Secret', 'o', { stringData: { LOG_LEVEL: 'info' } }), 'pass'],
    [
      'a Secret an ExternalSecret delivers',
      kobj('Secret', 'o', {
        metadata: { ownerReferences: [{ kind: 'ExternalSecret', name: 'o' }] },
        stringData: { k: SHAPED.pem },
      }),
      undefined,
    ],
    [
      'a docker config Secret',
      kobj('Secret', 'o', { type: 'kubernetes.io/dockerconfigjson', stringData: { k: SHAPED.github } }),
      undefined,
    ],
  ])('%s: %s', (_, obj, expected) => {
    expect(statusOf(run(rule, inventory({ kube: [obj] })), 'o')).toBe(expected);
  });

  it('does not read Secrets from a live cluster, where credentials belong', () => {
    const s = kobj('Secret', 'o', { stringData: { 'tls.key': SHAPED.pem } });
    const results = run(
      rule,
      inventory({ kube: [s, deployment()], mode: 'live', kubeKinds: ['Secret', 'Deployment'] }),
    );
    expect(statusOf(results, 'o')).toBeUndefined();
  });

  it('warns in test and fails in prod', () => {
    const inv = inventory({ kube: [withEnv([{ name: 'X', value: SHAPED.github }])] });
    expect(statuses(run(rule, inv, 'test'), 'api')).toEqual(['warn']);
    expect(statuses(run(rule, inv, 'prod'), 'api')).toEqual(['fail']);
  });

  it('takes the entropy threshold from its params', () => {
    const inv = inventory({ kube: [withEnv([{ name: 'API_TOKEN', value: RANDOM }])] });
    expect(statuses(run(rule, inv, 'prod', { minEntropy: 6 }), 'api')).toEqual(['pass']);
  });

  it('names the field and the kind of credential, and never prints the value', () => {
    const values = [SHAPED.github, SHAPED.awsSecret, RANDOM, SHAPED.urlPassword];
    const env = values.map((value, i) => ({
      name: i === 2 ? 'API_TOKEN' : i === 1 ? 'AWS_SECRET_ACCESS_KEY' : 'X',
      value,
    }));
    const results = run(rule, inventory({ kube: [withEnv(env)] }));
    expect(results).toHaveLength(4);
    expect(results[0].message).toContain('spec.template.spec.containers[0].env[0].value holds a GitHub token (ghp_…)');
    for (const r of results) for (const v of values) expect(r.message).not.toContain(v.slice(4, 16));
  });
});

describe('secret shapes', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
  ])('the Shannon entropy of %j is %d bits per character', (text, bits) => {
    expect(shannonEntropy(text)).toBeCloseTo(bits, 6);
  });

  it('masks a value to at most four leading characters', () => {
    expect(maskedPrefix(SHAPED.github)).toBe('ghp_…');
    expect(maskedPrefix('abcdefgh')).toBe('ab…');
  });
});
