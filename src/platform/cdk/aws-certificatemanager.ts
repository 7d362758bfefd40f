import { createRequire } from 'node:module';
import type * as T from 'aws-cdk-lib/aws-certificatemanager';

export type * from 'aws-cdk-lib/aws-certificatemanager';

// aws-cdk-lib/aws-certificatemanager loaded with require(): only the exports named below load. Imported as an ES module,
// Node would read every export of it, and its lazy index would load the whole module.
const require = createRequire(import.meta.url);
const m: typeof T = require('aws-cdk-lib/aws-certificatemanager');

export const Certificate = m.Certificate;
export type Certificate = T.Certificate;
export const CertificateValidation = m.CertificateValidation;
export type CertificateValidation = T.CertificateValidation;
