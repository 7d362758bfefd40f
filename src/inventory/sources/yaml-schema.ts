import * as jsYaml from 'js-yaml';
import { CORE_SCHEMA, type Schema, Type } from 'js-yaml';

/** js-yaml exports its built-in types at runtime; its typings omit them. */
const mergeType = (jsYaml as unknown as { types: { merge: Type } }).types.merge;

/**
 * The schema manifests and templates are read with: YAML 1.2 core (no
 * timestamps, so `2025-01-01` stays a string, as Kubernetes reads it), merge
 * keys, and the CloudFormation short-form tags (`!Ref`, `!GetAtt`, `!Sub`, …)
 * turned into their long form so templates written either way look the same.
 */
const CFN_FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'Length',
  'ToJsonString',
] as const;

function tagTypes(tag: string, construct: (data: unknown) => unknown): Type[] {
  return (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) =>
      new Type(`!${tag}`, {
        kind,
        construct: (data: unknown) => construct(data ?? (kind === 'scalar' ? '' : kind === 'sequence' ? [] : {})),
      }),
  );
}

const cfnTypes: Type[] = [
  ...tagTypes('Ref', (d) => ({ Ref: d })),
  ...tagTypes('Condition', (d) => ({ Condition: d })),
  ...tagTypes('GetAtt', (d) => ({ 'Fn::GetAtt': typeof d === 'string' ? d.split('.') : d })),
  ...CFN_FUNCTIONS.flatMap((fn) => tagTypes(fn, (d) => ({ [`Fn::${fn}`]: d }))),
];

export const MANIFEST_SCHEMA: Schema = CORE_SCHEMA.extend([mergeType, ...cfnTypes]);
