import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-ecr';

export type * from 'aws-cdk-lib/aws-ecr';

// aws-cdk-lib/aws-ecr loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-ecr');

export const CfnReplicationConfiguration = m.CfnReplicationConfiguration;
export type CfnReplicationConfiguration = T.CfnReplicationConfiguration;
export const CfnRepository = m.CfnRepository;
export type CfnRepository = T.CfnRepository;
export const Repository = m.Repository;
export type Repository = T.Repository;
export const RepositoryEncryption = m.RepositoryEncryption;
export type RepositoryEncryption = T.RepositoryEncryption;
export const TagMutability = m.TagMutability;
export type TagMutability = T.TagMutability;
export const TagStatus = m.TagStatus;
export type TagStatus = T.TagStatus;
