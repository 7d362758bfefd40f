/**
 * Text as it may be printed: a user name or password written into a URL
 * (`https://user:pass@host`) is replaced by `redacted`, so credentials never
 * reach stderr or a report. Applied to every URL Slipway prints.
 */
export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1redacted@');
}
