/**
 * `slipway/ops`: reading a running cluster and its AWS account, read-only, into
 * the Inventory that `slipway/verify` judges. client-node and the AWS SDK load
 * when a live read starts. The day-2 analyses (cost, upgrade plan, dr, runbooks) take typed facts.
 *
 *   import { collectLiveInventory } from 'slipway/ops';
 */

export { AwsClients } from './aws/clients.js';
export { collectLiveInventory, type LiveInventoryOptions } from './inventory/sources/live.js';
export { type Needs, needsOf } from './inventory/sources/needs.js';

// Day-2 analyses over typed facts (static facts from the config and objects; live readers feed the same functions).
export { analyzeCost } from './ops/cost/analyze.js';
export type { CostFacts } from './ops/cost/facts.js';
export { type CostParams, costDefaults } from './ops/cost/params.js';
export { PRICED_REGIONS, type PriceTable, pricesFor } from './ops/cost/prices.js';
export type { CostItem, CostReport } from './ops/cost/report-types.js';
export { staticCostFacts } from './ops/cost/static-facts.js';
export type { DrFacts } from './ops/dr/facts.js';
export { type DrReport, drReport } from './ops/dr/report.js';
export { staticDrFacts } from './ops/dr/static-facts.js';
export type { RunbookFacts } from './ops/runbook/facts.js';
export { generateRunbooks, type RunbookFile } from './ops/runbook/generate.js';
export { staticRunbookFacts } from './ops/runbook/static-facts.js';
export type { UpgradeFacts } from './ops/upgrade/facts.js';
export { planUpgrade } from './ops/upgrade/plan.js';
export { staticUpgradeFacts } from './ops/upgrade/static-facts.js';
export { upgradeTarget } from './ops/upgrade/target.js';
export type { UpgradePlan } from './ops/upgrade/types.js';
export { REMOVED_APIS, type RemovedApi, removedApi } from './versions/removed-apis.js';
