/**
 * `slipway/ops`: reading a running cluster and its AWS account, read-only, into
 * the Inventory that `slipway/verify` judges. client-node and the AWS SDK load
 * when a live read starts. The day-2 operations will be added to this entry.
 *
 *   import { collectLiveInventory } from 'slipway/ops';
 */

export { AwsClients } from './aws/clients.js';
export { collectLiveInventory, type LiveInventoryOptions } from './inventory/sources/live.js';
export { type Needs, needsOf } from './inventory/sources/needs.js';
