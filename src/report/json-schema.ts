import { z } from 'zod';
import { FAIL_ON_LEVELS, SEVERITIES } from '../config/schema/verify.js';

/**
 * The JSON report's contract (schemaVersion 1). `slipway verify -o json`
 * prints one report, or an array of reports when several environments were verified.
 */
const severity = z.enum(SEVERITIES);
const counts = z.strictObject({
  pass: z.number().int(),
  fail: z.number().int(),
  warn: z.number().int(),
  unknown: z.number().int(),
  skip: z.number().int(),
});
const subject = z.union([
  z.strictObject({ awsType: z.string(), id: z.string() }),
  z.strictObject({
    kind: z.string(),
    namespace: z.string().optional(),
    name: z.string(),
    container: z.string().optional(),
  }),
]);
const location = z.strictObject({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  cluster: z.string().optional(),
  context: z.string().optional(),
  account: z.string().optional(),
  region: z.string().optional(),
});

export const findingSchema = z.strictObject({
  ruleId: z.string(),
  category: z.string(),
  status: z.enum(['fail', 'warn', 'unknown']),
  severity,
  subject,
  location,
  message: z.string(),
  fix: z.string(),
  checklist: z.array(z.string()),
  suppressed: z
    .strictObject({
      by: z.enum(['annotation', 'exemption', 'waiver']),
      reason: z.string(),
      expires: z.string().optional(),
      key: z.string(),
    })
    .optional(),
});

export const checklistEntrySchema = z.strictObject({
  id: z.string(),
  category: z.enum(['infrastructure', 'security', 'reliability', 'observability', 'operations']),
  item: z.string(),
  status: z.enum(['pass', 'fail', 'warn', 'unknown', 'skip']),
  howVerified: z.string(),
  why: z.string(),
  rules: z.array(z.string()),
  counts,
  note: z.string().optional(),
});

export const verifyReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  environment: z.strictObject({
    name: z.string(),
    preset: z.string(),
    cluster: z.string(),
    thresholds: z.enum(['config', 'default-prod-preset']),
  }),
  summary: z.strictObject({
    result: z.enum(['pass', 'fail', 'error']),
    failOn: z.enum(FAIL_ON_LEVELS),
    counts,
    suppressed: z.number().int(),
    waived: z.number().int(),
    checklist: z.strictObject({
      proved: z.number().int(),
      failed: z.number().int(),
      warned: z.number().int(),
      unknown: z.number().int(),
      notApplicable: z.number().int(),
    }),
    evidence: z.number().int(),
    nothingToVerify: z.string().optional(),
    score: z.strictObject({
      overall: z.number().min(0).max(100).nullable(),
      categories: z.record(z.string(), z.number().min(0).max(100).nullable()),
    }),
    rulesRun: z.number().int(),
    inputs: z.strictObject({
      kubeObjects: z.number().int(),
      awsResources: z.number().int(),
      problems: z.number().int(),
    }),
    mode: z.enum(['static', 'live', 'dump']),
    notes: z.array(z.string()),
  }),
  checklist: z.array(checklistEntrySchema),
  findings: z.array(findingSchema),
  waivers: z.array(
    z.strictObject({
      by: z.enum(['annotation', 'exemption', 'waiver']),
      key: z.string(),
      reason: z.string(),
      expires: z.string().optional(),
      covers: z.string(),
      findings: z.number().int(),
      expired: z.boolean(),
    }),
  ),
  rules: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      category: z.string(),
      severity,
      why: z.string(),
      verified: z.string(),
      fix: z.string(),
      checklist: z.array(z.string()),
    }),
  ),
  target: z.strictObject({ context: z.string(), cluster: z.string(), server: z.string().optional() }).optional(),
  error: z.string().optional(),
});

/** What `-o json` prints. */
export const verifyOutputSchema = z.union([verifyReportSchema, z.array(verifyReportSchema)]);
