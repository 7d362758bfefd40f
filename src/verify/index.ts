export {
  DEFAULT_FLEET_CONCURRENCY,
  type FleetVerifyOptions,
  type FleetVerifyRun,
  fleetExitCode,
  runFleetVerify,
} from './run-fleet-verify.js';
export {
  type NothingToVerify,
  type RunVerifyOptions,
  runVerify,
  type VerifyRun,
  verifyExitCode,
} from './run-verify.js';
export type { VerifySource } from './sources.js';
