import * as jsYaml from 'js-yaml';
import { FAILSAFE_SCHEMA, type Schema, Type } from 'js-yaml';

/** js-yaml exports its built-in types at runtime; its typings omit them. */
const builtIn = (jsYaml as unknown as { types: Record<'merge' | 'null' | 'bool' | 'int' | 'float', Type> }).types;
const mergeType = builtIn.merge;

/** The YAML 1.2 core scalars (null, bool, int, float), in the order js-yaml's core schema tries them. */
const CORE_SCALARS: readonly Type[] = [builtIn.null, builtIn.bool, builtIn.int, builtIn.float];
const NULL_ONLY: readonly Type[] = [builtIn.null];
const BOOL_ONLY: readonly Type[] = [builtIn.bool];
const NUMBERS: readonly Type[] = [builtIn.int, builtIn.float];
const FLOAT_ONLY: readonly Type[] = [builtIn.float];
const NONE: readonly Type[] = [];

/**
 * The core types a plain scalar may resolve to, from its first character:
 * null is `~` or starts with n/N, bool with t/T/f/F, int with a sign or a
 * digit, float with a sign, a digit or a dot. Anything else (most names and
 * words in a manifest, and most keys) is a string without trying any resolver.
 * The order within each list is the core schema's, so answers are the same.
 */
function candidatesOf(data: string | null): readonly Type[] {
  if (data === null || data.length === 0) return CORE_SCALARS;
  const c = data.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 45 || c === 43) return NUMBERS; // 0-9 - +
  if (c === 126 || c === 110 || c === 78) return NULL_ONLY; // ~ n N
  if (c === 116 || c === 84 || c === 102 || c === 70) return BOOL_ONLY; // t T f F
  if (c === 46) return FLOAT_ONLY; // .
  return NONE;
}

/** The core type that resolved the scalar just tested (js-yaml constructs right after resolving). */
let resolvedBy: Type | undefined;

/**
 * One implicit type for the four core scalars: the same answers as trying
 * null, bool, int and float in turn, but only the types the first character
 * allows are tried. js-yaml tries every implicit type on every plain scalar
 * (keys too), so this is the parser's hottest path on manifests. The tag it
 * leaves is only compared with the merge tag, which stays its own type.
 */
const coreScalars = new Type('tag:slipway.io,2025:core-scalar', {
  kind: 'scalar',
  resolve(data: string | null): boolean {
    const candidates = candidatesOf(data);
    for (let i = 0; i < candidates.length; i++) {
      if (candidates[i].resolve(data)) {
        resolvedBy = candidates[i];
        return true;
      }
    }
    return false;
  },
  construct(data: string | null): unknown {
    const t = resolvedBy as Type;
    resolvedBy = undefined;
    return t.construct(data);
  },
});

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

/**
 * YAML 1.2 core as js-yaml's CORE_SCHEMA reads it (`!!int` and the other core
 * tags still work, as explicit types), plus merge keys and the CloudFormation tags.
 */
export const MANIFEST_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [coreScalars, mergeType],
  explicit: [...CORE_SCALARS, ...cfnTypes],
});
