export {
  type NothingToVerify,
  type RunVerifyOptions,
  runVerify,
  type VerifyRun,
  verifyExitCode,
} from './run-verify.js';
export type { VerifySource } from './sources.js';
