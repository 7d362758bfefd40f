import type { AwsResource, InputProblem, KubeResource } from '../types.js';
import { isCloudFormationTemplate, readTemplate } from './cloudformation.js';
import { kubeDocument } from './kube-documents.js';
import { DocumentLocator } from './locate.js';
import { DEFAULT_PARSE_LIMITS, type ParseLimits, parseAllDocuments, parseRawDocument } from './parse-document.js';
import { splitDocuments } from './yaml-stream.js';

/** The text of one input and the name it is reported under. */
export interface TextInput {
  readonly file: string;
  readonly text: string;
}

/** What a set of texts held. */
export interface DocumentsRead {
  readonly kube: KubeResource[];
  readonly aws: AwsResource[];
  readonly notes: string[];
  readonly problems: InputProblem[];
  /** How many Kubernetes documents and CloudFormation templates were read. */
  readonly manifestDocuments: number;
  readonly templates: number;
}

export function emptyRead(): DocumentsRead {
  return { kube: [], aws: [], notes: [], problems: [], manifestDocuments: 0, templates: 0 };
}

/**
 * Reads YAML/JSON texts: each document becomes Kubernetes objects (List items
 * too), or AWS resources when it is a CloudFormation template. A bad document
 * becomes a positioned problem; the documents around it are still read.
 */
export function readDocuments(
  inputs: readonly TextInput[],
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  into = emptyRead(),
): DocumentsRead {
  let { manifestDocuments, templates } = into;
  for (const input of inputs) {
    const docs = splitDocuments(input.text, input.file);
    if (docs.length === 0) {
      into.notes.push(`${input.file}: empty, nothing to verify`);
      continue;
    }
    // One parser call per file when that gives the same values; else (aliases, errors, …) one per document.
    const values = parseAllDocuments(input.text, docs.length, limits);
    for (let i = 0; i < docs.length; i++) {
      const raw = docs[i];
      const parsed = values ? { value: values[i] } : parseRawDocument(raw, limits);
      if ('problem' in parsed) {
        into.problems.push(parsed.problem);
        continue;
      }
      if (parsed.value === null || parsed.value === undefined) continue;
      const locator = new DocumentLocator(raw);
      if (isCloudFormationTemplate(parsed.value)) {
        const t = readTemplate(parsed.value, locator.where, locator.locate.bind(locator));
        into.aws.push(...t.aws);
        into.kube.push(...t.kube);
        into.notes.push(...t.notes);
        templates++;
      } else {
        const k = kubeDocument(parsed.value, locator);
        for (const r of k.resources) into.kube.push(r);
        for (const n of k.notes) into.notes.push(n);
        for (const p of k.problems) into.problems.push(p);
        if (k.resources.length) manifestDocuments++;
      }
    }
  }
  return { ...into, manifestDocuments, templates };
}
