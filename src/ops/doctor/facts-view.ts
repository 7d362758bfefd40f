import type { KubeObject } from '../../inventory/types.js';
import type { Fact } from '../facts.js';
import type { DoctorInput } from './types.js';

/**
 * The doctor's view of its input: lists by kind, with every kind that was
 * needed and not read remembered, so the report can name it.
 */
export class DoctorFacts {
  readonly unknown: Record<string, string> = {};

  constructor(readonly input: DoctorInput) {}

  /** Objects of a kind (in the target namespace when `namespaced`); undefined when the kind was not read. */
  list(kind: string, namespaced = true): readonly KubeObject[] | undefined {
    const f = this.input.kube[kind];
    if (!f) {
      this.unknown[kind] = `${kind} was not read`;
      return undefined;
    }
    if (f.state === 'unknown') {
      this.unknown[kind] = f.reason;
      return undefined;
    }
    const ns = this.input.target.namespace;
    return namespaced ? f.value.filter((o) => (o.metadata.namespace ?? 'default') === ns) : f.value;
  }

  /** Why a kind could not be read (after `list` returned undefined). */
  reason(kind: string): string {
    return this.unknown[kind] ?? `${kind} was not read`;
  }

  /** An AWS part: its value, or undefined with the reason remembered. */
  aws<T>(part: keyof DoctorInput['aws']): T | undefined {
    const f = this.input.aws[part] as Fact<T> | undefined;
    if (!f) {
      this.unknown[part] = `${part} was not asked`;
      return undefined;
    }
    if (f.state === 'unknown') {
      this.unknown[part] = f.reason;
      return undefined;
    }
    return f.value;
  }

  awsReason(part: keyof DoctorInput['aws']): string {
    return this.unknown[part] ?? `${part} was not asked`;
  }
}
