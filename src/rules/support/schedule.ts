/**
 * How often an AWS schedule expression fires, in hours: `rate(1 day)`,
 * `rate(12 hours)`, `cron(0 3 * * ? *)` (AWS's six-field cron). Undefined when
 * it cannot be told; a cron that runs on specific days of the month or week
 * fires less than daily.
 */
export function intervalHours(expression: string): number | undefined {
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate) {
    const n = Number(rate[1]);
    if (rate[2].startsWith('minute')) return n / 60;
    if (rate[2].startsWith('hour')) return n;
    return n * 24;
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [, hours, dom, month, dow] = fields;
  const every = (f: string) => f === '*' || f === '?';
  if (!every(dom) || !every(month) || !every(dow)) {
    // Specific days: at best weekly; a range of weekdays is still more than a day apart at the weekend.
    return every(dom) && every(month) && /^(MON-FRI|2-6)$/i.test(dow) ? 72 : 24 * 7;
  }
  if (hours === '*') return 1;
  const step = /^(?:\*|\d+)\/(\d+)$/.exec(hours);
  if (step) return Number(step[1]);
  const list = hours.split(',');
  return list.length > 1 ? 24 / list.length : 24;
}
