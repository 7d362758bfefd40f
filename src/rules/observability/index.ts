import type { Rule } from '../types.js';
import alarmSubscriptions from './alarm-subscriptions.js';
import alarms from './alarms.js';
import appMetrics from './app-metrics.js';
import cloudwatchAddon from './cloudwatch-addon.js';
import ingressErrorAlarms from './ingress-error-alarms.js';
import liveAddonsActive from './live-addons-active.js';
import logRetention from './log-retention.js';

/** The observability rules: one per file in this folder. */
export const rules: readonly Rule[] = [
  alarmSubscriptions,
  alarms,
  appMetrics,
  cloudwatchAddon,
  ingressErrorAlarms,
  liveAddonsActive,
  logRetention,
];
