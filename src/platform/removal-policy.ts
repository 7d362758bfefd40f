import type { RemovalPolicySetting } from '../config/schema/environment.js';
import { RemovalPolicy } from './cdk/core.js';

/** The CDK removal policy of a config value (`retain` or `destroy`). */
export function removalPolicyOf(setting: RemovalPolicySetting): RemovalPolicy {
  return setting === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
}
