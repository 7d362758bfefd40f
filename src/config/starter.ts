/** Options for the starter config `slipway init` writes. */
export interface StarterOptions {
  readonly project: string;
  readonly region: string;
  readonly domain?: string;
}

/**
 * A starter slipway.config.yaml: both environments on their presets, with the
 * settings people change first written out as comments.
 */
export function starterConfig(o: StarterOptions): string {
  return `# yaml-language-server: $schema=https://slipway.dev/schema/slipway.config.schema.json
# Slipway configuration. Test and prod run the same code; only values differ.
#   slipway config diff test prod     what differs between the environments
#   slipway config show --env prod    every resolved value and where it came from
project: ${o.project}
region: ${o.region}
# account: "123456789012"          # pin the AWS account (recommended for prod)
kubernetesVersion: "1.35"

${o.domain ? `domain:\n  name: ${o.domain}` : '# domain:\n#   name: example.com             # HTTPS ingress; a DNS-validated ACM certificate is requested\n#   certificateArn: arn:aws:acm:…  # or bring your own certificate'}

# gitops:                            # where Argo CD reads the synth output (prod refuses to synth without one)
#   repoURL: https://github.com/acme/deploy.git   # default: the origin remote of the repository holding --out
#                                    # paths: each folder's path from that repository's root (see docs/gitops.md)

# cluster:
#   admins: [arn:aws:iam::123456789012:role/platform-admins]   # EKS access entries
#   endpointAccess: private                                   # or publicAndPrivate + publicAccessCidrs

environments:
  test:
    preset: test     # 2 nodes minimum, smaller and mostly spot, EKS/test/*, 7-day logs, alarms off, manual backups
  prod:
    preset: prod     # 3+ on-demand nodes across 3 AZs plus spot, EKS/prod/*, 30-day logs, alarms, daily backups
    alarms:
      email: []                       # who is told when an alarm fires, such as [oncall@example.com]
    waivers:                          # remove once alarms.email (or alarms.snsTopicArn) names a recipient
      - check: alarm-recipient
        reason: no on-call address yet; set alarms.email before the first production deploy
    # logs:
    #   retentionDays: 60             # production allows 30-90

# Applications, one entry each; add one with: slipway app new NAME --pattern web|stateful|worker|cron
apps: []
`;
}
