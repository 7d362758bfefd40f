import type { AwsClients } from '../clients.js';
import { AwsNoCredentials } from '../errors.js';

/**
 * GetCallerIdentity within a deadline: the account the credentials belong to.
 * It needs no permission, so it proves the credentials work before any other
 * call; no answer in time is AwsNoCredentials.
 */
export async function callerAccount(clients: AwsClients, timeoutMs: number): Promise<string | undefined> {
  const sts = await clients.sts();
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const id = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: abort.signal });
    return id.Account;
  } catch (e) {
    if (abort.signal.aborted) throw new AwsNoCredentials(`no answer from AWS STS within ${timeoutMs} ms`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}
