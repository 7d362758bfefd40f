import { parseAllDocuments } from 'yaml';
import { synthesizeApps } from '../../src/apps/synth.js';
import { defineConfig } from '../../src/config/load.js';
import type { AppInput } from '../../src/config/schema/apps.js';
import type { ConfigFileInput } from '../../src/config/schema/file.js';
import type { EnvironmentConfig } from '../../src/config/types.js';

/** A Kubernetes object read back from generated YAML, typed loosely for assertions. */
export interface Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: test assertions walk arbitrary manifest shapes
  spec?: any;
  [key: string]: unknown;
}

/** A small project with the given apps, resolved for one environment. */
export function envWith(apps: AppInput[], envName: 'test' | 'prod' = 'prod', extra: Partial<ConfigFileInput> = {}) {
  const config = defineConfig({
    project: 'demo',
    account: '123456789012',
    domain: { name: 'demo.example.com' },
    environments: { test: { preset: 'test' }, prod: { preset: 'prod', alarms: { email: ['oncall@example.com'] } } },
    apps,
    ...extra,
  } as ConfigFileInput);
  return config.environments[envName];
}

/** Every object of every generated YAML file (kustomizations excluded), with the file it came from. */
export function objectsOf(files: Map<string, string>): (Obj & { file: string })[] {
  const out: (Obj & { file: string })[] = [];
  for (const [file, text] of files) {
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as Obj;
      if (o.kind === 'Kustomization') continue;
      out.push({ ...o, file });
    }
  }
  return out;
}

export function synthObjects(env: EnvironmentConfig) {
  const result = synthesizeApps(env);
  return { ...result, objects: objectsOf(result.files) };
}

export function find(objects: Obj[], kind: string, name: string): Obj {
  const o = objects.find((x) => x.kind === kind && x.metadata.name === name);
  if (!o) throw new Error(`no ${kind} ${name}; have ${objects.map((x) => `${x.kind}/${x.metadata.name}`).join(', ')}`);
  return o;
}

export function podSpecOf(o: Obj) {
  return o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec;
}
