const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'Forbidden',
]);

/** The error's name or code, as the SDK sets it. */
export function nameOf(e: unknown): string {
  if (!e || typeof e !== 'object') return '';
  const x = e as { name?: unknown; Code?: unknown; code?: unknown };
  return String(x.name ?? x.Code ?? x.code ?? '');
}

/** AWS received credentials and refused them (invalid key, bad signature, expired token). */
const REJECTED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
]);

/** No usable credentials: none found, or rejected. */
const CREDENTIALS = new Set([...REJECTED, 'CredentialsProviderError', 'TokenRefreshRequired']);

/** Whether AWS saw the credentials and rejected them (as opposed to none being found). */
export function isRejectedCredentials(e: unknown): boolean {
  return REJECTED.has(nameOf(e));
}

/** The caller lacks a permission (IAM said no). */
export function isAccessDenied(e: unknown): boolean {
  return DENIED.has(nameOf(e));
}

/** There are no usable credentials (none found, expired, or invalid). */
export function isCredentialsProblem(e: unknown): boolean {
  if (CREDENTIALS.has(nameOf(e))) return true;
  const message = e instanceof Error ? e.message : '';
  return /could not load credentials|credential/i.test(message) && !isAccessDenied(e);
}

/** A permission the AWS source was refused: names the IAM action. */
export class AwsAccessDenied extends Error {
  constructor(readonly action: string) {
    super(`AccessDenied: ${action}`);
    this.name = 'AwsAccessDenied';
  }
}

/** No credentials could be found, or AWS rejected them (`rejected`). */
export class AwsNoCredentials extends Error {
  constructor(
    message: string,
    readonly rejected = false,
  ) {
    super(message);
    this.name = 'AwsNoCredentials';
  }
}
