const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedException',
  'AuthorizationError',
  'Forbidden',
]);

const CREDENTIALS = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'TokenRefreshRequired',
  'AuthFailure',
]);

function nameOf(e: unknown): string {
  if (!e || typeof e !== 'object') return '';
  const x = e as { name?: unknown; Code?: unknown; code?: unknown };
  return String(x.name ?? x.Code ?? x.code ?? '');
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

/** No credentials could be found or they were rejected. */
export class AwsNoCredentials extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsNoCredentials';
  }
}
