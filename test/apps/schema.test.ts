import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { bundledExamplePath, loadConfig } from '../../src/config/load.js';
import type { SlipwayConfig } from '../../src/config/types.js';
import { type Obj, synthObjects } from './helpers.js';

/** The CRD files in crds/: kind → openAPIV3Schema of its served version. */
function crdSchemas(): Map<string, object> {
  const out = new Map<string, object>();
  for (const f of ['external-secrets.yaml', 'keda.yaml', 'argocd-application.yaml']) {
    const text = readFileSync(resolve('crds', f), 'utf8');
    for (const doc of parseAllDocuments(text)) {
      const crd = doc.toJS() as {
        spec: {
          group: string;
          names: { kind: string };
          versions: { name: string; schema: { openAPIV3Schema: object } }[];
        };
      };
      for (const v of crd.spec.versions) {
        out.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
      }
    }
  }
  return out;
}

type Validator = (o: Obj) => void;

/** Built-in kinds: the kubernetes-models class for apiVersion/kind; CRD kinds: their CRD schema. */
async function validatorFor(o: Obj, crds: Map<string, object>, ajv: Ajv): Promise<Validator> {
  const crd = crds.get(`${o.apiVersion}/${o.kind}`);
  if (crd) {
    const validate = ajv.compile(crd);
    return (x) => {
      if (!validate(x)) throw new Error(ajv.errorsText(validate.errors));
    };
  }
  const mod = (await import(`kubernetes-models/${o.apiVersion}/${o.kind}`)) as Record<
    string,
    new (
      data: unknown,
    ) => { validate(): void }
  >;
  const Model = mod[o.kind];
  return (x) => new Model(x).validate();
}

let config: SlipwayConfig;
beforeAll(async () => {
  config = await loadConfig(bundledExamplePath());
});

describe.each(['test', 'prod'])('every generated object in %s', (envName) => {
  it('validates against the Kubernetes schema (CRD kinds against crds/)', async () => {
    const { objects } = synthObjects(config.environments[envName]);
    const crds = crdSchemas();
    const ajv = new Ajv({ strict: false, allErrors: true, formats: { int32: true, int64: true } });
    const failures: string[] = [];
    for (const o of objects) {
      const { file, ...manifest } = o;
      try {
        (await validatorFor(o, crds, ajv))(manifest as Obj);
      } catch (e) {
        failures.push(`${file} ${o.kind}/${o.metadata.name}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(objects.length).toBeGreaterThan(40);
  });
});

describe('the validators themselves', () => {
  it('reject a malformed Deployment and a malformed ScaledObject', async () => {
    const ajv = new Ajv({ strict: false, formats: { int32: true } });
    const crds = crdSchemas();
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { replicas: 'two' },
    };
    const scaled = {
      apiVersion: 'keda.sh/v1alpha1',
      kind: 'ScaledObject',
      metadata: { name: 'x' },
      spec: { triggers: [] },
    };
    await expect(async () => (await validatorFor(deployment as Obj, crds, ajv))(deployment as Obj)).rejects.toThrow();
    await expect(async () => (await validatorFor(scaled as Obj, crds, ajv))(scaled as Obj)).rejects.toThrow(
      /scaleTargetRef/,
    );
  });
});
