import { z } from 'zod';
import { PRESET_NAMES } from '../presets.js';
import { appsSchema } from './apps.js';
import { environmentSettingsShape } from './environment.js';

/** Keys of the settings an environment resolves (merged preset < project < environment). */
export const SETTINGS_KEYS = Object.keys(environmentSettingsShape) as (keyof typeof environmentSettingsShape)[];

/** Full, strict settings of one environment after merging. */
export const environmentSettingsSchema = z.strictObject(environmentSettingsShape);
export type EnvironmentSettings = z.infer<typeof environmentSettingsSchema>;

/** Checks of the production floor that a waiver may set aside. */
export const WAIVABLE_CHECKS = [
  'min-availability-zones',
  'min-nodes',
  'on-demand-capacity',
  'log-retention',
  'alarms',
  'daily-backup',
  'alarm-recipient',
  'public-endpoint-cidrs',
] as const;
export type WaivableCheck = (typeof WAIVABLE_CHECKS)[number];

export const waiverSchema = z.strictObject({
  check: z.enum(WAIVABLE_CHECKS),
  reason: z.string().min(10, 'a reason of at least 10 characters that a reviewer can judge'),
  expires: z.iso
    .date()
    .optional()
    .describe('YYYY-MM-DD; after this day verify no longer honours the waiver and says so.'),
});
export type Waiver = z.infer<typeof waiverSchema>;

/** `environments.<e>.contexts`: the kubeconfig contexts whose clusters are this environment. */
export const environmentContextsSchema = z
  .array(z.string().min(1, 'a kubeconfig context name'))
  .default([])
  .describe(
    "Kubeconfig contexts of this environment's clusters: `slipway verify --live --context a,b` and `--all-contexts` judge each of them with this environment's thresholds (a context no environment lists takes --env). A context belongs to one environment.",
  );

/**
 * Settings are validated after merging, so at this level they are accepted as
 * any value: the merged result is checked strictly and errors point back to the
 * line that supplied the value.
 */
const looseSettings = Object.fromEntries(SETTINGS_KEYS.map((k) => [k, z.unknown().optional()])) as Record<
  keyof typeof environmentSettingsShape,
  z.ZodOptional<z.ZodUnknown>
>;

export const environmentEntrySchema = z.strictObject({
  preset: z
    .enum(PRESET_NAMES)
    .describe('Starting values: the test or the production column of the test-vs-production table.'),
  waivers: z.array(waiverSchema).default([]).describe('Production-floor checks set aside, each with its reason.'),
  contexts: environmentContextsSchema,
  ...looseSettings,
});

export const configFileSchema = z.strictObject({
  $schema: z.string().optional(),
  project: z
    .string()
    .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'a DNS label: lowercase letters, digits and "-", starting with a letter')
    .max(40)
    .describe('Project name; the default cluster name is <project>-<environment>.'),
  ...looseSettings,
  environments: z
    .record(
      z
        .string()
        .regex(/^[a-z]([-a-z0-9]*[a-z0-9])?$/, 'an environment name: lowercase letters, digits and "-"')
        .refine(
          (name) => !(name in Object.prototype),
          'an environment name other than a built-in object property such as "constructor"',
        ),
      environmentEntrySchema,
    )
    .refine((m) => Object.keys(m).length > 0, 'at least one environment, such as test: { preset: test }'),
  apps: appsSchema.default([]),
});
export type ConfigFile = z.infer<typeof configFileSchema>;
export type ConfigFileInput = z.input<typeof configFileSchema>;
