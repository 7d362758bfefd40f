/** An ECR registry host: <account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]. */
export const ECR_HOST = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;
