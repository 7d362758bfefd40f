import type * as eks from 'aws-cdk-lib/aws-eks-v2';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/types.js';
import * as cloudwatch from './cdk/aws-cloudwatch.js';
import * as actions from './cdk/aws-cloudwatch-actions.js';
import * as iam from './cdk/aws-iam.js';
import * as kms from './cdk/aws-kms.js';
import * as logs from './cdk/aws-logs.js';
import * as sns from './cdk/aws-sns.js';
import * as subs from './cdk/aws-sns-subscriptions.js';
import { Duration, RemovalPolicy } from './cdk/core.js';
import { lockedAddon, managedPolicyRole } from './managed-addon.js';
import type { PodIdentityRole } from './pod-identity-role.js';
import { removalPolicyOf } from './removal-policy.js';
import { target5xxAlarm } from './target-5xx-alarm.js';
import type { VersionLock } from './versions.js';

export interface ObservabilityProps {
  readonly env: EnvironmentConfig;
  readonly cluster: eks.Cluster;
  readonly versions: VersionLock;
}

export const CLOUDWATCH_AGENT = { namespace: 'amazon-cloudwatch', serviceAccount: 'cloudwatch-agent' } as const;
/** The metric the application log group's error-line filter writes. */
export const APP_ERROR_METRIC = 'ApplicationErrorLines';
export const CONTAINER_INSIGHTS_LOG_TYPES = ['application', 'dataplane', 'host', 'performance'] as const;

/** Every log group the add-on writes to, created up front so each has a retention. */
export function containerInsightsLogGroups(clusterName: string): string[] {
  return CONTAINER_INSIGHTS_LOG_TYPES.map((t) => `/aws/containerinsights/${clusterName}/${t}`);
}

/**
 * 1.7 CloudWatch: the amazon-cloudwatch-observability add-on through Pod
 * Identity, its log groups with the environment's retention, and (when
 * alarms are on) alarms for node CPU and memory, failed nodes, container
 * restarts, application error lines and the public apps' ALB target 5XX
 * responses, notifying an SNS topic, plus a dashboard.
 */
export class Observability extends Construct {
  readonly addon: eks.CfnAddon;
  readonly role: PodIdentityRole;
  readonly logGroups: logs.LogGroup[] = [];
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const { env, cluster, versions } = props;
    for (const name of containerInsightsLogGroups(env.clusterName)) {
      this.logGroups.push(
        new logs.LogGroup(this, `Logs-${name.split('/').pop()}`, {
          logGroupName: name,
          retention: env.logs.retentionDays as logs.RetentionDays,
          removalPolicy: removalPolicyOf(env.logs.removalPolicy),
        }),
      );
    }

    this.role = managedPolicyRole(this, 'AgentIdentity', {
      cluster,
      ...CLOUDWATCH_AGENT,
      policy: 'CloudWatchAgentServerPolicy',
      reason: 'CloudWatchAgentServerPolicy is the policy AWS documents for the CloudWatch Observability add-on agent.',
    });
    this.addon = lockedAddon(
      this,
      'CloudWatchObservability',
      cluster.clusterName,
      versions,
      'amazon-cloudwatch-observability',
    );
    this.addon.node.addDependency(this.role.association, ...this.logGroups);

    const metric = (metricName: string, statistic: string) =>
      new cloudwatch.Metric({
        namespace: 'ContainerInsights',
        metricName,
        dimensionsMap: { ClusterName: env.clusterName },
        statistic,
        period: Duration.minutes(5),
      });
    const cpu = metric('node_cpu_utilization', 'Average');
    const memory = metric('node_memory_utilization', 'Average');
    const failed = metric('cluster_failed_node_count', 'Maximum');
    const restarts = metric('pod_number_of_container_restarts', 'Sum');
    const errorLines = this.errorLineMetric(env);

    if (env.alarms.enabled) {
      const topic = env.alarms.snsTopicArn
        ? sns.Topic.fromTopicArn(this, 'AlarmTopic', env.alarms.snsTopicArn)
        : this.createTopic(env);
      const define = (id: string, m: cloudwatch.Metric, threshold: number, description: string) => {
        const alarm = new cloudwatch.Alarm(this, id, {
          alarmName: `${env.clusterName}-${id.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase())}`,
          alarmDescription: description,
          metric: m,
          threshold,
          evaluationPeriods: 2,
          datapointsToAlarm: 2,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        });
        alarm.addAlarmAction(new actions.SnsAction(topic));
        alarm.addOkAction(new actions.SnsAction(topic));
        this.alarms.push(alarm);
      };
      define('NodeCpu', cpu, env.alarms.cpuPercent, `Node CPU at or above ${env.alarms.cpuPercent}% for 10 minutes`);
      define(
        'NodeMemory',
        memory,
        env.alarms.memoryPercent,
        `Node memory at or above ${env.alarms.memoryPercent}% for 10 minutes`,
      );
      define('FailedNodes', failed, 1, 'At least one node is failing');
      define(
        'AppErrors',
        errorLines,
        env.alarms.errorLines,
        `${env.alarms.errorLines} or more application error lines (${env.alarms.errorTerms.join(', ')}) within 5 minutes, twice in a row`,
      );
      define(
        'PodRestarts',
        restarts,
        env.alarms.podRestarts,
        `${env.alarms.podRestarts} or more container restarts within 5 minutes`,
      );
      const target5xx = target5xxAlarm(this, env);
      if (target5xx) {
        target5xx.addAlarmAction(new actions.SnsAction(topic));
        target5xx.addOkAction(new actions.SnsAction(topic));
        this.alarms.push(target5xx);
      }
    }

    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${env.clusterName}-platform`,
      widgets: [
        [
          new cloudwatch.GraphWidget({ title: 'Node CPU %', left: [cpu], width: 12 }),
          new cloudwatch.GraphWidget({ title: 'Node memory %', left: [memory], width: 12 }),
        ],
        [
          new cloudwatch.GraphWidget({ title: 'Failed nodes', left: [failed], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Container restarts', left: [restarts], width: 8 }),
          new cloudwatch.GraphWidget({ title: 'Application error lines', left: [errorLines], width: 8 }),
        ],
        this.alarms.length > 0
          ? [new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 })]
          : [],
      ],
    });
  }

  /** Counts application log lines holding any of alarms.errorTerms, through a metric filter. */
  private errorLineMetric(env: EnvironmentConfig): cloudwatch.Metric {
    const application = this.logGroups.find((g) => g.node.id === 'Logs-application');
    if (!application) throw new Error('the application log group is created before its metric filter');
    const filter = new logs.MetricFilter(this, 'AppErrorLines', {
      logGroup: application,
      filterName: `${env.clusterName}-application-errors`,
      filterPattern: logs.FilterPattern.anyTerm(...env.alarms.errorTerms),
      metricNamespace: `Slipway/${env.clusterName}`,
      metricName: APP_ERROR_METRIC,
      metricValue: '1',
      defaultValue: 0,
    });
    return filter.metric({ statistic: 'Sum', period: Duration.minutes(5) });
  }

  private createTopic(env: EnvironmentConfig): sns.ITopic {
    // CloudWatch can only publish to an encrypted topic whose key lets it use the key.
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: `Encrypts the ${env.clusterName} alarm topic`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    const topic = new sns.Topic(this, 'AlarmTopic', {
      topicName: `${env.clusterName}-alarms`,
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of env.alarms.email) topic.addSubscription(new subs.EmailSubscription(email));
    return topic;
  }
}
