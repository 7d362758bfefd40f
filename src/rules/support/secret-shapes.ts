/**
 * Recognising credentials by their shape: pure functions over one value and
 * the name it is stored under. Nothing here keeps or prints a value; callers
 * show at most `maskedPrefix`.
 */
import { AWS_KEY_ID, isPlaceholderOrReference, isSecretName } from './secrets.js';

/** A credential format with a recognisable shape. */
interface Shape {
  /** What the value is, for messages: "a GitHub token". */
  readonly kind: string;
  readonly pattern: RegExp;
}

const SHAPES: readonly Shape[] = [
  // Five dashes in a real header; fewer, or a space inside, in a hand-edited or mangled one: still a private key.
  { kind: 'a PEM private key', pattern: /- ?BEGIN (?:[A-Z0-9]+ +)*PRIVATE KEY(?: BLOCK)? ?-/i },
  { kind: 'a GitHub token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36}\b/ },
  { kind: 'a GitHub fine-grained token', pattern: /\bgithub_pat_[A-Za-z0-9_]{30,}/ },
  { kind: 'a GitLab personal access token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/ },
  { kind: 'a Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  {
    kind: 'a Slack webhook URL',
    pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/,
  },
  { kind: 'a Stripe live key', pattern: /\b(?:sk|rk)_live_[A-Za-z0-9]{10,}/ },
  {
    kind: 'an AWS secret access key',
    pattern: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+])/i,
  },
];

/**
 * A cheap first test: every shape above, an access key id and a URL with a
 * password contain one of these; most values contain none and are done after it.
 */
const ANY_SHAPE =
  /- ?BEGIN |gh[pousr]_|github_pat_|glpat-|xox[abprs]-|hooks\.slack\.com|_live_|AKIA|ASIA|aws_secret_access_key|:\/\/[^\s/:@]+:[^\s/@]+@/i;

/** AWS documents its example keys with this suffix: not a credential. */
const AWS_EXAMPLE = /EXAMPLE(?:KEY)?$/;

/** The shape of an AWS secret access key on its own. */
const AWS_SECRET_KEY = /^[A-Za-z0-9/+]{40}$/;

/** Names that hold an AWS secret access key. */
const AWS_SECRET_NAME = /secret[-_.]?access[-_.]?key/i;

/** A URL with a password in it: scheme://user:password@host. */
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:([^\s/@]+)@/i;

/** Passwords in URLs that stand for a value filled in elsewhere. */
const URL_PLACEHOLDER = /^(?:\$\{.*\}|\$\(.*\)|\$[A-Z_]+|<.*>|\*+|x+|password|pass|secret|changeme)$/i;

/** Names of fingerprints of other values (Helm's checksum/secret, data hashes): not secrets themselves. */
const FINGERPRINT_NAME = /checksum|hash|digest|fingerprint|sha-?\d*(?![a-z])/i;

/**
 * The name an annotation's value is judged under: the key after its last "/"
 * (the prefix names the owner, as in external-secrets.io/…), unless the key
 * names a fingerprint anywhere (Helm's checksum/secret).
 */
export function annotationName(key: string): string {
  return FINGERPRINT_NAME.test(key) ? key : key.slice(key.lastIndexOf('/') + 1);
}

/** Whether a value mixes at least two of lower case, upper case and digits, with no space: random, not words or paths. */
function looksRandom(value: string): boolean {
  if (/\s/.test(value)) return false;
  const classes = (/[a-z]/.test(value) ? 1 : 0) + (/[A-Z]/.test(value) ? 1 : 0) + (/[0-9]/.test(value) ? 1 : 0);
  return classes >= 2;
}

/** Shannon entropy of a text, in bits per character. */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...text].length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** At most the first four characters of a value (fewer for short ones), then an ellipsis. */
export function maskedPrefix(value: string): string {
  const v = value.trim();
  const shown = Math.min(4, Math.floor(v.length / 4));
  return `${v.slice(0, shown)}…`;
}

export interface EntropyParams {
  /** Shannon entropy (bits per character) from which a value under a secret-like name counts as a secret. */
  readonly minEntropy: number;
  /** Shortest value the entropy test applies to. */
  readonly minEntropyLength: number;
}

/** What was recognised in one value. */
export interface SecretFinding {
  /** What the value is: "a GitHub token", "a high-entropy value (4.6 bits per character)". */
  readonly kind: string;
  /** The value masked to a short prefix. */
  readonly masked: string;
}

/** Whether a value holds an AWS access key id (and not AWS's documented example). */
export function hasAwsKeyId(value: string): boolean {
  const m = AWS_KEY_ID.exec(value);
  return m !== null && !AWS_EXAMPLE.test(m[0]);
}

/**
 * Whether a value could hold a credential at all (the cheap test before
 * `findSecret`): it has a token shape's marker, the length of an AWS secret
 * key, or is long enough for the entropy test under a secret-like name.
 */
export function mayHoldSecret(name: string, value: string, p: EntropyParams): boolean {
  if (value.length < 8) return false;
  if (ANY_SHAPE.test(value) || value.trim().length === 40) return true;
  return value.length >= p.minEntropyLength && isSecretName(name) && !FINGERPRINT_NAME.test(name);
}

/**
 * The credential a value holds, if any: a known token shape anywhere; an AWS
 * secret access key under such a name (or, with `besideAwsKeyId`, a value of
 * its shape stored beside an access key id); a password inside a URL; or a
 * high-entropy value under a secret-like name.
 */
export function findSecret(
  name: string,
  value: string,
  p: EntropyParams,
  besideAwsKeyId = false,
): SecretFinding | undefined {
  if (value.length < 8) return undefined;
  if (ANY_SHAPE.test(value)) {
    const masked = maskedPrefix(value);
    for (let i = 0; i < SHAPES.length; i++) {
      if (SHAPES[i].pattern.test(value)) return { kind: SHAPES[i].kind, masked };
    }
    if (hasAwsKeyId(value)) return { kind: 'an AWS access key id', masked };
    const url = URL_CREDENTIALS.exec(value);
    if (url && !URL_PLACEHOLDER.test(url[1])) {
      return { kind: 'a password inside a URL', masked: `${url[0].split('//')[0]}//…` };
    }
  }
  const trimmed = value.trim();
  if (AWS_SECRET_KEY.test(trimmed) && !AWS_EXAMPLE.test(trimmed) && (besideAwsKeyId || AWS_SECRET_NAME.test(name))) {
    return { kind: 'an AWS secret access key', masked: maskedPrefix(value) };
  }
  if (
    trimmed.length >= p.minEntropyLength &&
    isSecretName(name) &&
    !FINGERPRINT_NAME.test(name) &&
    !isPlaceholderOrReference(trimmed) &&
    !AWS_EXAMPLE.test(trimmed) &&
    looksRandom(trimmed)
  ) {
    const bits = shannonEntropy(trimmed);
    if (bits >= p.minEntropy) {
      return { kind: `a high-entropy value (${bits.toFixed(1)} bits per character)`, masked: maskedPrefix(value) };
    }
  }
  return undefined;
}
