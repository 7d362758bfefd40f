/**
 * The signature of a log line: the same message from different requests gives
 * the same text. Leading timestamps go; UUIDs, long hex ids, IP addresses
 * (with ports), durations and other numbers become placeholders.
 */
const LEADING_TIME = /^\s*\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?\]?\s*/;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const HEX = /\b(?:0x)?[0-9a-f]{7,}\b/gi;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g;
const NUMBER = /\d+(?:\.\d+)?/g;

export function signatureOf(line: string): string {
  return line
    .replace(LEADING_TIME, '')
    .replace(UUID, '<id>')
    .replace(IP, '<ip>')
    .replace(HEX, (m) => (/\d/.test(m) ? '<hex>' : m))
    .replace(NUMBER, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

const ERROR_LINE = /\b(ERROR|FATAL|PANIC|CRITICAL|Exception|Traceback|panic:)\b|\berror\b/i;

/** Whether a log line reads as an error. */
export function isErrorLine(line: string): boolean {
  return ERROR_LINE.test(line);
}
