import type { FailOn } from '../../src/config/schema/verify.js';
import { inventoryFromTexts } from '../../src/inventory/sources/static-inventory.js';
import type { VerifyReport } from '../../src/rules/engine/types.js';
import { verify } from '../../src/rules/engine/verify.js';
import type { Rule } from '../../src/rules/types.js';
import { brokenRule, probesRule, prodEnv, replicasRule, unknownRule } from '../rules/engine/test-rules.js';

const MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    slipway.io/ignore.reliability.readiness-probe.proxy: "the proxy answers health checks itself"
spec:
  replicas: 1
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: web:1
        - name: proxy
          image: proxy:1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  replicas: 3
  template:
    metadata:
      labels: { app: api }
    spec:
      containers:
        - name: api
          image: "api:1 <&>"
          readinessProbe: { httpGet: { path: /ready, port: 8080 } }
---
a: 1
a: 2
`;

/** A small, fixed report: failures, an unknown, a rule error, a suppression, an input problem. */
export function sampleReport(options: { readonly failOn?: FailOn } = {}): VerifyReport {
  const inventory = inventoryFromTexts([{ file: 'k8s/shop.yaml', text: MANIFESTS }]);
  return verify(inventory, {
    env: prodEnv(),
    rules: [replicasRule, probesRule, unknownRule, brokenRule] as Rule[],
    now: new Date('2026-06-01T00:00:00Z'),
    thresholds: 'default-prod-preset',
    ...options,
  });
}
