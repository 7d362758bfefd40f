/**
 * `slipway/ops`: reading a running cluster and its AWS account, read-only, into
 * the Inventory that `slipway/verify` judges. client-node and the AWS SDK load
 * when a live read starts. The day-2 commands (status, doctor, secrets,
 * images, logs) are pure functions over the facts the readers return, each
 * with a renderer for a terminal; their data is what `-o json` prints.
 *
 *   import { clusterStatus, collectLiveInventory } from 'slipway/ops';
 */

export { AwsClients } from './aws/clients.js';
export { collectLiveInventory, type LiveInventoryOptions } from './inventory/sources/live.js';
export { type Needs, needsOf } from './inventory/sources/needs.js';
export type * from './ops/common/aws-facts.js';
export { signatureOf } from './ops/common/log-lines.js';
export { doctor } from './ops/doctor/doctor.js';
export { parseDoctorTarget } from './ops/doctor/target.js';
export * from './ops/doctor/types.js';
export { opsExitCode } from './ops/exit-code.js';
export { type Fact, known, unknownFact, unknownParts, valueOr } from './ops/facts.js';
export { imagesReport } from './ops/images/images.js';
export * from './ops/images/types.js';
export { logsReport } from './ops/logs/logs.js';
export * from './ops/logs/types.js';
export {
  type ObjectRef,
  type OpsProblem,
  type ProblemSeverity,
  problemsExitCode,
  sortProblems,
} from './ops/problems.js';
export { FORCE_SYNC_ANNOTATION, refreshPlan } from './ops/secrets/refresh-plan.js';
export { pathPrefixOf, secretsStatus } from './ops/secrets/status.js';
export * from './ops/secrets/types.js';
export { clusterStatus, STATUS_OPTIONAL_PARTS } from './ops/status/status.js';
export * from './ops/status/types.js';
export { renderDoctorTable } from './report/ops/doctor.js';
export { renderImagesTable } from './report/ops/images.js';
export { renderLogsTable } from './report/ops/logs.js';
export { renderRefreshPlan, renderSecretsTable } from './report/ops/secrets.js';
export { renderStatusTable } from './report/ops/status.js';
export type { OpsTextOptions } from './report/ops/text.js';
