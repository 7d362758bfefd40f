import type { Toolkit } from '@aws-cdk/toolkit-lib';
import type { ResolvedCredentials } from './credentials.js';

/**
 * A `@aws-cdk/toolkit-lib` Toolkit with these credentials, its messages
 * (above debug) sent to `log`, and its yes/no questions answered by `confirm`.
 */
export async function newToolkit(opts: {
  credentials: ResolvedCredentials;
  log: (line: string) => void;
  confirm: (question: string) => Promise<boolean>;
}): Promise<Toolkit> {
  const { Toolkit, BaseCredentials } = await import('@aws-cdk/toolkit-lib');
  return new Toolkit({
    color: false,
    emojis: false,
    sdkConfig: {
      baseCredentials: BaseCredentials.custom({ provider: opts.credentials.provider, region: opts.credentials.region }),
    },
    ioHost: {
      async notify(msg) {
        if (msg.level !== 'trace' && msg.level !== 'debug') opts.log(msg.message);
      },
      async requestResponse<T>(msg: { message: string; defaultResponse: T }): Promise<T> {
        if (typeof msg.defaultResponse === 'boolean') return (await opts.confirm(msg.message)) as T;
        return msg.defaultResponse;
      },
    },
  });
}
