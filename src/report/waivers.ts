import type { VerifyReport } from '../rules/engine/types.js';

/**
 * `verify --show-waivers`: every waiver, exemption and suppression in effect
 * per environment, with what it covers, why, until when, and how many
 * findings it set aside. JSON (and yaml) print the records as data.
 */
export function renderWaivers(reports: readonly VerifyReport[], format: string): string {
  if (format !== 'table') {
    const data = reports.map((r) => ({ environment: r.environment.name, waivers: r.waivers }));
    return `${JSON.stringify(data.length === 1 ? data[0] : data, null, 2)}\n`;
  }
  const out: string[] = [];
  for (const r of reports) {
    out.push(`Environment ${r.environment.name}: ${r.waivers.length} waivers, exemptions and suppressions`);
    for (const w of r.waivers) {
      const until = w.expires ? (w.expired ? `expired ${w.expires}` : `until ${w.expires}`) : 'no expiry';
      out.push(
        `  ${w.by.padEnd(10)} ${w.key}`,
        `             covers ${w.covers}; ${until}; set aside ${w.findings} finding${w.findings === 1 ? '' : 's'}`,
        `             reason: ${w.reason}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
