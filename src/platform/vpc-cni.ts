/**
 * Configuration of the vpc-cni managed add-on in every environment. The VPC
 * CNI ignores NetworkPolicy objects unless its network policy agent is on
 * (off by default); the add-on schema takes the flag as the string "true".
 * CDK-free, so rules and tests can name the same setting.
 */
export const VPC_CNI_CONFIGURATION = { enableNetworkPolicy: 'true' } as const;
