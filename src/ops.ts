/**
 * `slipway/ops`: reading a running cluster and its AWS account, read-only, into
 * the Inventory that `slipway/verify` judges. client-node and the AWS SDK load
 * when a live read starts. The day-2 commands (status, doctor, secrets,
 * images, logs) and analyses (cost, upgrade plan, dr, runbooks) are pure functions over the facts the readers return, each
 * with a renderer for a terminal; their data is what `-o json` prints.
 *
 * Each command has a gatherer that reads its facts from one live connection
 * (`connectLive`), bounded and paginated, every part a Fact:
 *
 *   import { clusterStatus, connectLive, gatherStatus } from 'slipway/ops';
 *   const report = clusterStatus(await gatherStatus(await connectLive({ context: 'prod' }), { cluster: 'prod-eks' }));
 */

export { AwsClients } from './aws/clients.js';
export { collectLiveInventory, type LiveInventoryOptions } from './inventory/sources/live.js';
export { type Needs, needsOf } from './inventory/sources/needs.js';
export { connectLive, type LiveAws, type LiveConnection, type LiveConnectOptions } from './live/connect.js';
export type * from './ops/common/aws-facts.js';
export { signatureOf } from './ops/common/log-lines.js';
// Day-2 analyses over typed facts (static facts from the config and objects; live readers feed the same functions).
export { analyzeCost } from './ops/cost/analyze.js';
export type { CostFacts } from './ops/cost/facts.js';
export { type LiveCostOptions, liveCostFacts } from './ops/cost/live-facts.js';
export { type CostParams, costDefaults } from './ops/cost/params.js';
export { PRICED_REGIONS, type PriceTable, pricesFor } from './ops/cost/prices.js';
export type { CostItem, CostReport } from './ops/cost/report-types.js';
export { staticCostFacts } from './ops/cost/static-facts.js';
export { METRICS_RETENTION_DAYS, parseUsageWindow } from './ops/cost/window.js';
export { doctor } from './ops/doctor/doctor.js';
export {
  DOCTOR_CLUSTER_KINDS,
  DOCTOR_NAMESPACED_KINDS,
  type DoctorGatherOptions,
  gatherDoctor,
} from './ops/doctor/gather.js';
export { parseDoctorTarget } from './ops/doctor/target.js';
export * from './ops/doctor/types.js';
export type { DrFacts } from './ops/dr/facts.js';
export { type LiveDrOptions, liveDrFacts } from './ops/dr/live-facts.js';
export { type DrReport, drReport } from './ops/dr/report.js';
export { staticDrFacts } from './ops/dr/static-facts.js';
export { opsExitCode } from './ops/exit-code.js';
export { type Fact, known, unknownFact, unknownParts, valueOr } from './ops/facts.js';
export { OPS_ACCESS, type OpsAccess, type OpsCommand, opsAccessUnion } from './ops/gather/access.js';
export { type GatherLimits, listFact } from './ops/gather/kube-lists.js';
export { readFact, reasonOf } from './ops/gather/read-fact.js';
export { type VerifierAccess, type VerifierAccessInput, verifierAccess } from './ops/gather/verifier-access.js';
export { gatherImages, type ImagesGatherOptions } from './ops/images/gather.js';
export { imagesReport } from './ops/images/images.js';
export * from './ops/images/types.js';
export { DEFAULT_ERROR_PATTERN, gatherLogs, type LogsGatherOptions } from './ops/logs/gather.js';
export { logsReport } from './ops/logs/logs.js';
export * from './ops/logs/types.js';
export {
  type ObjectRef,
  type OpsProblem,
  type ProblemSeverity,
  problemsExitCode,
  sortProblems,
} from './ops/problems.js';
export type { RunbookFacts, RunbookPart } from './ops/runbook/facts.js';
export { generateRunbooks, type RunbookFile } from './ops/runbook/generate.js';
export { type LiveRunbookOptions, liveRunbookFacts, RUNBOOK_KINDS } from './ops/runbook/live-facts.js';
export { staticRunbookFacts } from './ops/runbook/static-facts.js';
export { gatherSecrets, type SecretsGatherOptions } from './ops/secrets/gather.js';
export { FORCE_SYNC_ANNOTATION, refreshPlan } from './ops/secrets/refresh-plan.js';
export { pathPrefixOf, secretsStatus } from './ops/secrets/status.js';
export * from './ops/secrets/types.js';
export { gatherStatus, STATUS_AWS_PARTS, type StatusGatherOptions } from './ops/status/gather.js';
export { clusterStatus, STATUS_OPTIONAL_PARTS } from './ops/status/status.js';
export * from './ops/status/types.js';
export type { UpgradeFacts } from './ops/upgrade/facts.js';
export { type LiveUpgradeOptions, liveUpgradeFacts } from './ops/upgrade/live-facts.js';
export { planUpgrade } from './ops/upgrade/plan.js';
export { staticUpgradeFacts } from './ops/upgrade/static-facts.js';
export { synthChanges, synthesizedChanges } from './ops/upgrade/synth-changes.js';
export { upgradeTarget } from './ops/upgrade/target.js';
export type { UpgradePlan } from './ops/upgrade/types.js';
export { renderDoctorTable } from './report/ops/doctor.js';
export { renderImagesTable } from './report/ops/images.js';
export { renderLogsTable } from './report/ops/logs.js';
export { renderRefreshPlan, renderSecretsTable } from './report/ops/secrets.js';
export { renderStatusTable } from './report/ops/status.js';
export type { OpsTextOptions } from './report/ops/text.js';
export { REMOVED_APIS, type RemovedApi, removedApi } from './versions/removed-apis.js';
