import { z } from 'zod';
import { PRESET_NAMES } from './presets.js';
import { appsSchema } from './schema/apps.js';
import { environmentContextsSchema, environmentSettingsSchema, waiverSchema } from './schema/file.js';

type JsonSchema = Record<string, unknown>;

/**
 * JSON Schema (draft 2020-12) of slipway.config.yaml, for editors
 * (`# yaml-language-server: $schema=…`) and CI. Settings may appear at the top
 * level and under each environment, where every key is optional (the preset
 * fills the rest); list items stay complete, because a list replaces the one
 * below it.
 */
export function configJsonSchema(): JsonSchema {
  const settings = optionalKeys(toJson(environmentSettingsSchema));
  const settingsProps = settings.properties as Record<string, JsonSchema>;
  const env: JsonSchema = {
    type: 'object',
    description: 'One environment: a preset plus any overrides.',
    properties: {
      preset: {
        type: 'string',
        enum: [...PRESET_NAMES],
        description: 'test or prod column of the test-vs-production table.',
      },
      waivers: { type: 'array', items: toJson(waiverSchema) },
      contexts: toJson(environmentContextsSchema),
      ...settingsProps,
    },
    required: ['preset'],
    additionalProperties: false,
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://slipway.dev/schema/slipway.config.schema.json',
    title: 'Slipway configuration',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      project: {
        type: 'string',
        pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$',
        maxLength: 40,
        description: 'Project name; clusters are named <project>-<environment>.',
      },
      ...settingsProps,
      environments: {
        type: 'object',
        propertyNames: { pattern: '^[a-z]([-a-z0-9]*[a-z0-9])?$' },
        additionalProperties: env,
        minProperties: 1,
      },
      apps: toJson(appsSchema),
    },
    required: ['project', 'environments'],
    additionalProperties: false,
  };
}

function toJson(schema: z.ZodType): JsonSchema {
  const out = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** Drops `required` from objects, except inside list items. */
function optionalKeys(node: JsonSchema, inItems = false): JsonSchema {
  const out: JsonSchema = { ...node };
  if (!inItems) delete out.required;
  if (out.properties) {
    out.properties = Object.fromEntries(
      Object.entries(out.properties as Record<string, JsonSchema>).map(([k, v]) => [k, optionalKeys(v, inItems)]),
    );
  }
  if (out.items && typeof out.items === 'object') out.items = optionalKeys(out.items as JsonSchema, true);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(out[k])) out[k] = (out[k] as JsonSchema[]).map((s) => optionalKeys(s, inItems));
  }
  return out;
}
