/** An error in how something was asked for (a flag, an argument, a refusal): exit 1 with the message, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
