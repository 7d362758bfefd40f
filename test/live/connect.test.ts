import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addLiveConnectionOptions, liveConnectOptions } from '../../src/cli/live-options.js';
import { connectLive, sourceLabel } from '../../src/live/connect.js';
import { isolateAwsEnv } from '../support/aws-mocks.js';
import { type FakeKubeServer, startFakeKubeServer } from '../support/fake-kube-server.js';
import { namespace } from '../support/kube-fixtures.js';

beforeAll(isolateAwsEnv);
let server: FakeKubeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function parse(args: string[]) {
  const cmd = addLiveConnectionOptions(new Command('ops').exitOverride());
  cmd.parse(args, { from: 'user' });
  return cmd.opts();
}

describe('one live connection', () => {
  it('reads the cluster of the kubeconfig context and labels the source with context, scope and AWS', async () => {
    server = await startFakeKubeServer({ objects: { Namespace: [namespace('shop')] } });
    const live = await connectLive({
      kubeconfig: server.kubeconfigPath,
      context: 'other',
      namespace: 'shop',
      aws: { profile: 'audit', region: 'eu-west-1' },
    });
    expect(live.kube.context).toBe('other');
    expect((await live.kube.list('Namespace')).items.map((o) => o.metadata.name)).toEqual(['shop']);
    expect(live.source).toBe(`context other (${server.url}), namespace shop; AWS profile audit, region eu-west-1`);
    expect(live.aws?.reader.calls).toEqual([]);
    expect(live.aws?.clients.config).toMatchObject({ profile: 'audit', region: 'eu-west-1' });
  });

  it('leaves AWS out with aws: false and says so in the label', async () => {
    server = await startFakeKubeServer({});
    const live = await connectLive({ kubeconfig: server.kubeconfigPath, aws: false });
    expect(live.aws).toBeUndefined();
    expect(live.source).toMatch(/all namespaces; AWS not read$/);
  });

  it('fails at once on a context the kubeconfig does not have, listing the contexts', async () => {
    server = await startFakeKubeServer({});
    await expect(connectLive({ kubeconfig: server.kubeconfigPath, context: 'prod' })).rejects.toThrow(
      /context "prod" is not in the kubeconfig; contexts: fake, other/,
    );
  });

  it('labels default AWS credentials without a profile', () => {
    expect(sourceLabel({ context: 'c', aws: { region: 'us-east-1' } })).toBe(
      'context c, all namespaces; AWS default credentials, region us-east-1',
    );
  });
});

describe('the shared live CLI options', () => {
  it('parse into connection options, filling in KUBECONFIG, AWS_PROFILE and the environment region', () => {
    const flags = parse(['--context', 'prod-admin', '-n', 'shop', '--request-timeout', '5', '--max-response-mib', '2']);
    const o = liveConnectOptions(
      flags,
      { env: { KUBECONFIG: '/k/config', AWS_PROFILE: 'ops' } },
      { clusterName: 'shop-prod', region: 'eu-west-1' },
    );
    expect(o).toEqual({
      kubeconfig: '/k/config',
      context: 'prod-admin',
      namespace: 'shop',
      limits: { totalTimeoutMs: 5000, firstByteTimeoutMs: 5000, maxResponseBytes: 2 * 1024 * 1024 },
      expected: { cluster: 'shop-prod', region: 'eu-west-1' },
      aws: { profile: 'ops', region: 'eu-west-1' },
    });
  });

  it('leave a KUBECONFIG list to client-node and turn --no-aws into aws: false', () => {
    const o = liveConnectOptions(parse(['--no-aws']), { env: { KUBECONFIG: '/a:/b' } });
    expect(o.kubeconfig).toBeUndefined();
    expect(o.aws).toBe(false);
  });

  it('refuse a limit that is not a positive number, naming the flag and the value', () => {
    expect(() => liveConnectOptions(parse(['--max-retry-wait', '-1']), { env: {} })).toThrow(
      '--max-retry-wait must be a positive number; got "-1"',
    );
  });
});
