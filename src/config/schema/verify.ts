import { z } from 'zod';

export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

/**
 * What fails a verify run: a failure at or above a severity, or `unknown`,
 * the strictest level: any failure and any unknown (nothing left unproved).
 */
export const FAIL_ON_LEVELS = ['unknown', ...SEVERITIES] as const;
export const failOnSchema = z.enum(FAIL_ON_LEVELS);
export type FailOn = z.infer<typeof failOnSchema>;

/** A config-file exemption: the rule and subject it covers, why, and until when. */
export const exemptionSchema = z.strictObject({
  rule: z.string().min(1).describe('Rule id, or a glob such as "reliability.*".'),
  kind: z.string().optional().describe('Subject kind (Deployment, AWS::EKS::Nodegroup, …); default any.'),
  namespace: z.string().optional().describe('Subject namespace glob; default any.'),
  name: z.string().optional().describe('Subject name or resource id glob; default any.'),
  reason: z.string().min(10, 'a reason of at least 10 characters that a reviewer can judge'),
  expires: z.iso.date().optional().describe('YYYY-MM-DD; after this day the exemption is reported and ignored.'),
});
export type Exemption = z.infer<typeof exemptionSchema>;

export const ruleSettingSchema = z.strictObject({
  enabled: z.boolean().optional(),
  severity: severitySchema.optional(),
  params: z.record(z.string(), z.unknown()).optional().describe("Overrides of the rule's parameters."),
});

export const verifySchema = z.strictObject({
  failOn: failOnSchema
    .default('high')
    .describe('Lowest severity of a failure that makes verify exit 2; unknown: any failure or unknown does.'),
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  exemptions: z.array(exemptionSchema).default([]),
});
export type VerifySettings = z.infer<typeof verifySchema>;
