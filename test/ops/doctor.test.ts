import { describe, expect, it } from 'vitest';
import type { EcrRepositoryFact } from '../../src/ops/common/aws-facts.js';
import { doctor } from '../../src/ops/doctor/doctor.js';
import { parseDoctorTarget } from '../../src/ops/doctor/target.js';
import type { DoctorInput, DoctorTarget } from '../../src/ops/doctor/types.js';
import { opsExitCode } from '../../src/ops/exit-code.js';
import { known, unknownFact } from '../../src/ops/facts.js';
import { renderDoctorTable } from '../../src/report/ops/doctor.js';
import { expectGolden } from '../support/golden.js';
import { badMorningAws, doctorInput, kubeFacts } from '../support/ops-fixtures.js';

const run = (target: DoctorTarget, overrides: Partial<DoctorInput> = {}) => doctor(doctorInput(target, overrides));
const deployment = (name: string, namespace = 'shop'): DoctorTarget => ({ kind: 'Deployment', name, namespace });
const steps = (r: ReturnType<typeof doctor>) => r.chain.map((l) => `${l.state} ${l.step}`);

describe('doctor follows the chain of a workload', () => {
  it('walks Deployment → ReplicaSets → pods → container → previous log → events → Service → EndpointSlice → Ingress → ALB → identity → images', () => {
    const r = run(deployment('checkout'));
    expect(steps(r)).toEqual([
      'problem Deployment',
      'problem ReplicaSet',
      'ok ReplicaSet',
      'ok Pods',
      'ok Pod',
      'problem Container',
      'ok Previous log',
      'problem Events',
      'ok Service',
      'ok EndpointSlice',
      'ok Ingress',
      'problem ALB',
      'ok ServiceAccount',
      'ok Pod Identity',
      'ok IAM role',
      'ok Image',
      'ok Image',
    ]);
    expect(r.chain[1].object?.name).toBe('checkout-7d9f8b6c5d');
  });

  it('heads with the crash-looping container and the error from its previous log, not with the stuck rollout it causes', () => {
    const r = run(deployment('checkout'));
    expect(r.headline?.code).toBe('pod.crash-loop');
    expect(r.headline?.object.name).toBe('checkout-7d9f8b6c5d-x2k4p');
    expect(r.headline?.cause).toContain('PAYMENT_API_URL must be set');
    expect(r.headline?.next).toBe('kubectl logs pod/checkout-7d9f8b6c5d-x2k4p -n shop -c app --previous');
    expect(r.chain.find((l) => l.step === 'Previous log')?.lines).toHaveLength(5);
    expect(opsExitCode(r.problems, r.unknown)).toBe(2);
  });

  it('joins CrashLoop, OOMKilled and the memory limit', () => {
    const r = run(deployment('cart'));
    expect(r.headline?.code).toBe('pod.oom-killed');
    expect(r.headline?.cause).toContain('memory limit 256Mi');
    expect(r.headline?.next).toContain('above 256Mi');
  });

  it('joins Pending, no node with room and the node group at its maximum', () => {
    const r = run(deployment('search'));
    expect(r.headline?.code).toBe('pod.pending');
    expect(r.headline?.source).toBe('joined');
    expect(r.headline?.cause).toContain('no schedulable node has room for 500m CPU and 6Gi memory');
    expect(r.headline?.cause).toContain('prod-eks-general is at its maximum size (2 of max 2)');
    expect(r.headline?.next).toContain('maxSize=3');
  });

  it('says the autoscaler should add a node when no group is at its maximum, and says when group sizes are unknown', () => {
    const roomy = run(deployment('search'), {
      aws: {
        ...doctorInput(deployment('search')).aws,
        nodeGroups: known([{ name: 'prod-eks-general', minSize: 2, maxSize: 6, desiredSize: 2 }]),
      },
    });
    expect(roomy.headline?.cause).toContain('the autoscaler should add a node');
    const blind = run(deployment('search'), {
      aws: {
        ...doctorInput(deployment('search')).aws,
        nodeGroups: unknownFact('AccessDeniedException: eks:DescribeNodegroup'),
      },
    });
    expect(blind.headline?.cause).toContain('node group sizes unknown: AccessDeniedException');
    expect(blind.headline?.source).toBe('kubernetes');
  });

  it('joins ImagePullBackOff with ECR: the tag is absent, and the tags that exist are named', () => {
    const r = run(deployment('frontend', 'web'));
    expect(r.headline?.code).toBe('pod.image-pull');
    expect(r.headline?.source).toBe('joined');
    expect(r.headline?.cause).toBe('tag 2.4.1 is not in ECR repository frontend (tags there: latest, 2.4.0, 2.3.9)');
    expect(r.problems.some((p) => p.code === 'service.no-endpoints')).toBe(true);
  });

  it('joins ImagePullBackOff with ECR: the repository does not exist', () => {
    const ecr = (badMorningAws().ecr as EcrRepositoryFact[]).map((repo) =>
      repo.name === 'frontend' ? { registry: repo.registry, name: repo.name, exists: false as const } : repo,
    );
    const r = run(deployment('frontend', 'web'), {
      aws: { ...doctorInput(deployment('frontend', 'web')).aws, ecr: known(ecr) },
    });
    expect(r.headline?.cause).toContain('ECR repository frontend does not exist');
  });

  it('joins an ExternalSecret denied by IAM with the missing Pod Identity association (the app form)', () => {
    const r = run({ kind: 'App', name: 'ledger', namespace: 'payments' });
    expect(r.headline?.code).toBe('externalsecret.no-pod-identity');
    expect(r.headline?.source).toBe('joined');
    expect(r.headline?.next).toContain('--service-account ledger-secrets');
    const sm = r.chain.find((l) => l.step === 'Secrets Manager');
    expect(sm?.state).toBe('ok');
    expect(sm?.detail).toContain('KMS arn:aws:kms:eu-west-1:123456789012:key/');
  });

  it('follows a StatefulSet pod to its Pending claim', () => {
    const r = run({ kind: 'StatefulSet', name: 'postgres', namespace: 'data' });
    expect(r.headline?.what).toBe('Pending: PVC data-postgres-0 is not Bound');
    expect(r.headline?.cause).toContain('ProvisioningFailed');
    const pvc = r.chain.find((l) => l.step === 'PVC');
    expect(pvc?.problem?.cause).toContain('EBS CSI controller 1/2 ready');
  });

  it('follows a bound claim to its PV and EBS volume', () => {
    const kube = kubeFacts();
    const pods = (kube.Pod.state === 'read' ? kube.Pod.value : []).map((p) =>
      p.metadata.name === 'ledger-7b8c9d0e1f-a1b2c'
        ? {
            ...p,
            spec: {
              ...(p.spec as object),
              volumes: [{ name: 'archive', persistentVolumeClaim: { claimName: 'ledger-archive' } }],
            },
          }
        : p,
    );
    const r = run(
      { kind: 'Pod', name: 'ledger-7b8c9d0e1f-a1b2c', namespace: 'payments' },
      { kube: { ...kube, Pod: known(pods) } },
    );
    expect(steps(r).filter((s) => /PVC|PV|EBS/.test(s))).toEqual(['ok PVC', 'ok PV', 'ok EBS volume']);
    expect(r.chain.find((l) => l.step === 'EBS volume')?.detail).toBe('in-use, 50 GiB gp3 in eu-west-1a, encrypted');
  });

  it('follows a CronJob to its recent Jobs and names the run that failed', () => {
    const r = run({ kind: 'CronJob', name: 'nightly-report', namespace: 'shop' });
    expect(steps(r).slice(0, 3)).toEqual(['ok CronJob', 'ok Job', 'problem Job']);
    expect(r.headline).toMatchObject({
      code: 'job.failed',
      object: { kind: 'Job', name: 'nightly-report-29411040', namespace: 'shop' },
    });
    expect(r.headline?.what).toContain('BackoffLimitExceeded');
  });

  it('finds nothing wrong with a healthy pod whose image findings are within the threshold', () => {
    const target: DoctorTarget = { kind: 'Pod', name: 'ledger-7b8c9d0e1f-a1b2c', namespace: 'payments' };
    const r = doctor(doctorInput(target, { kube: { ...kubeFacts(), ExternalSecret: known([]) } }), {
      maxCriticalFindings: 5,
    });
    expect(r.headline).toBeUndefined();
    expect(r.problems).toEqual([]);
    expect(opsExitCode(r.problems, r.unknown)).toBe(0);
  });

  it('names the critical findings of the digest the pods run, joined from ECR', () => {
    const r = run(
      { kind: 'Pod', name: 'ledger-7b8c9d0e1f-a1b2c', namespace: 'payments' },
      { kube: { ...kubeFacts(), ExternalSecret: known([]) } },
    );
    const image = r.chain.find((l) => l.step === 'Image');
    expect(image?.problem).toMatchObject({ code: 'image.critical-findings', source: 'joined' });
    expect(image?.problem?.cause).toBe('CVE-2024-3094, CVE-2024-6387, CVE-2025-32463');
    expect(image?.detail).toContain('the tag has moved since the pods started');
    expect(r.headline?.code).toBe('image.critical-findings');
  });
});

describe('doctor on bad input and unreadable parts', () => {
  it('reports a target that does not exist, with where it looked, and exits 1', () => {
    const r = run(deployment('nope'));
    expect(r.found).toBe(false);
    expect(r.unknown.target).toBe('deployment nope not found in namespace shop');
    expect(opsExitCode(r.problems, r.unknown)).toBe(1);
    expect(renderDoctorTable(r, { color: false })).toContain('Not found: deployment nope not found in namespace shop');
  });

  it('refuses a kind it does not support, naming the kinds it does', () => {
    expect(parseDoctorTarget('ingress/shop', 'shop')).toEqual({
      error:
        'doctor: kind "ingress" in "ingress/shop" is not supported; use one of deployment, statefulset, daemonset, cronjob, job, pod, app (as kind/name)',
    });
    expect(parseDoctorTarget('deploy/checkout', 'shop')).toEqual({ target: deployment('checkout') });
    expect(parseDoctorTarget('ledger', 'payments')).toEqual({
      target: { kind: 'App', name: 'ledger', namespace: 'payments' },
    });
    expect('error' in parseDoctorTarget('pod/Bad_Name', 'shop')).toBe(true);
  });

  it('marks links unknown when their part cannot be read, never ok, and exits 1', () => {
    const r = run(deployment('checkout'), {
      kube: { ...kubeFacts(), Service: unknownFact('services is forbidden (403)') },
      aws: { ...doctorInput(deployment('checkout')).aws, podIdentityAssociations: unknownFact('no AWS credentials') },
    });
    expect(r.chain.find((l) => l.step === 'Service')).toMatchObject({
      state: 'unknown',
      reason: 'services is forbidden (403)',
    });
    expect(r.chain.find((l) => l.step === 'Pod Identity')).toMatchObject({
      state: 'unknown',
      reason: 'no AWS credentials',
    });
    expect(r.unknown).toMatchObject({
      Service: 'services is forbidden (403)',
      podIdentityAssociations: 'no AWS credentials',
    });
    expect(opsExitCode(r.problems, r.unknown)).toBe(1);
  });

  it('says ECR could not be read instead of guessing why an image does not pull', () => {
    const r = run(deployment('frontend', 'web'), {
      aws: {
        ...doctorInput(deployment('frontend', 'web')).aws,
        ecr: unknownFact('AccessDeniedException: ecr:DescribeImages'),
      },
    });
    expect(r.headline?.cause).toBe('ECR facts unknown: AccessDeniedException: ecr:DescribeImages');
    expect(r.headline?.source).toBe('kubernetes');
  });

  it('cannot find the workload when its kind is forbidden, and says so', () => {
    const r = run(deployment('checkout'), {
      kube: { ...kubeFacts(), Deployment: unknownFact('deployments.apps is forbidden (403)') },
    });
    expect(r.found).toBe(false);
    expect(r.unknown.target).toContain('deployments.apps is forbidden (403)');
  });
});

describe('doctor output', () => {
  it('never carries a secret value, even when the Secrets it was given hold data', () => {
    const kube = kubeFacts();
    const secrets = (kube.Secret.state === 'read' ? kube.Secret.value : []).map((x) => ({
      ...x,
      data: { password: 'c3VwZXItc2VjcmV0' },
    }));
    const r = run(
      { kind: 'App', name: 'ledger', namespace: 'payments' },
      { kube: { ...kube, Secret: known(secrets) } },
    );
    expect(JSON.stringify(r) + renderDoctorTable(r, { color: false })).not.toContain('c3VwZXItc2VjcmV0');
  });

  it('is plain data: a JSON round trip gives the same report', () => {
    const r = run(deployment('checkout'));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('renders the terminal report (golden) for the crash loop and the denied secret', () => {
    expectGolden('ops/doctor-checkout.txt', renderDoctorTable(run(deployment('checkout')), { color: false }));
    expectGolden(
      'ops/doctor-ledger.txt',
      renderDoctorTable(run({ kind: 'App', name: 'ledger', namespace: 'payments' }), { color: false }),
    );
  });
});
