import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { bool, get, items, keyRange, ofType, str, target, type Resource } from '../model';
import { SERVICE } from '../network';
import { appendLines, block, containerDefinitions, hclFix, replaceValue } from '../hcl';

export const CLUSTER = 'AWS::ECS::Cluster';
const TASK_DEFINITION = 'AWS::ECS::TaskDefinition';

export const containerInsights = deploymentRule({
  id: 'cluster/container-insights',
  defaultSeverity: 'info',
  description: 'An ECS cluster does not enable Container Insights (metrics and performance logs of tasks and services).',
  references: ['AWS Foundational Security Best Practices ECS.12', 'cdk-nag AwsSolutions-ECS4', 'Checkov CKV_AWS_65'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  const k = hcl ? { settings: 'setting', name: 'name', value: 'value' } : { settings: 'ClusterSettings', name: 'Name', value: 'Value' };
  // Terraform can turn it on for the whole account (a setting whose name we cannot read may be that one).
  if (hcl && ofType(model, 'aws_ecs_account_setting_default').some((a) => str(get(a.props, 'name')) !== 'awsvpcTrunking' && str(get(a.props, 'value')) !== 'disabled')) return;
  for (const c of ofType(model, CLUSTER, 'aws_ecs_cluster')) {
    const settings = get(c.props, k.settings);
    const list = items(settings);
    if (!list) continue;
    const entry = list.find((s) => str(get(s, k.name)) === 'containerInsights');
    if (list.some((s) => !str(get(s, k.name)))) continue; // a setting we cannot read may be the one
    const value = get(entry, k.value);
    const v = str(value)?.toLowerCase();
    if (entry && (v === undefined || v === 'enabled' || v === 'enhanced')) continue;
    report({
      resource: c,
      at: value?.range ?? keyRange(c.props, k.settings) ?? c.anchor,
      message: `Container Insights is off: without task and service metrics, unusual CPU, network or restart patterns (a crypto miner, a crash loop) go unseen. ${hcl ? 'Add setting { name = "containerInsights", value = "enabled" }' : 'Add ClusterSettings [{Name: containerInsights, Value: enabled}]'} (it is billed as CloudWatch custom metrics), unless the account default turns it on.`,
      // Adds cost: offered, not applied by "fix all".
      fixes: fixes(hcl
        ? hclFix(model, 'Enable Container Insights', false, [value ? replaceValue(value, '"enabled"') : appendLines(model, c.props, ['setting {', '  name  = "containerInsights"', '  value = "enabled"', '}'])])
        : !entry && (!settings || settings.t === 'array') ? editFix(model, c.props, 'Enable Container Insights', false, (p) => {
          const s = (p.ClusterSettings ??= []) as unknown[];
          s.push({ Name: 'containerInsights', Value: 'enabled' });
        }) : undefined),
    });
  }
});

/** Whether ECS Exec sessions of tasks of `task` are logged when the cluster uses `Logging` DEFAULT (every container on awslogs). */
function awslogsEverywhere(task: Resource | undefined): boolean | undefined {
  const defs = task && containerDefinitions(task);
  if (!defs?.containers.length) return undefined;
  let unknown = false;
  for (const c of defs.containers) {
    if (c.t !== 'object') { unknown = true; continue; }
    const lc = get(c, defs.k.log);
    if (!lc) return false;
    const d = str(get(lc, defs.k.driver));
    if (d === undefined) unknown = true;
    else if (d !== 'awslogs') return false;
  }
  return unknown ? undefined : true;
}

/** Property names of the two hosts (Terraform's configuration blocks are one-item lists, read with `block`). */
const EXEC_CFN = {
  service: SERVICE, cluster: CLUSTER, task: TASK_DEFINITION, exec: 'EnableExecuteCommand', clusterRef: 'Cluster', taskRef: 'TaskDefinition',
  config: ['Configuration', 'ExecuteCommandConfiguration'], kms: 'KmsKeyId', logging: 'Logging', log: 'LogConfiguration',
  group: 'CloudWatchLogGroupName', bucket: 'S3BucketName',
};
const EXEC_TF: typeof EXEC_CFN = {
  service: 'aws_ecs_service', cluster: 'aws_ecs_cluster', task: 'aws_ecs_task_definition', exec: 'enable_execute_command', clusterRef: 'cluster',
  taskRef: 'task_definition', config: ['configuration', 'execute_command_configuration'], kms: 'kms_key_id', logging: 'logging',
  log: 'log_configuration', group: 'cloud_watch_log_group_name', bucket: 's3_bucket_name',
};

export const execLogging = deploymentRule({
  id: 'cluster/exec-logging',
  defaultSeverity: 'warning',
  description: 'A service enables ECS Exec while its cluster\'s execute-command configuration neither logs sessions nor encrypts them with a KMS key.',
  references: ['Amazon ECS developer guide: monitor ECS Exec sessions', 'Checkov CKV_AWS_223, CKV_AWS_224'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  const k = hcl ? EXEC_TF : EXEC_CFN;
  for (const s of ofType(model, k.service)) {
    const exec = get(s.props, k.exec);
    if (bool(exec) !== true) continue;
    const cluster = target(model, get(s.props, k.clusterRef), k.cluster);
    if (!cluster) continue;
    // Either level may be unknown (a `dynamic "configuration"` block, a Fn::If): then nothing is said.
    const outer = hcl ? block(cluster.props, k.config[0]) : get(cluster.props, k.config[0]);
    if (outer && outer.t !== 'object') continue;
    const cfg = hcl ? block(outer, k.config[1]) : get(outer, k.config[1]);
    if (cfg && cfg.t !== 'object') continue;
    if (get(cfg, k.kms)) continue;
    const loggingNode = get(cfg, k.logging);
    const logging = loggingNode ? str(loggingNode)?.toUpperCase() : 'DEFAULT';
    let logged: boolean | undefined;
    if (logging === 'NONE') logged = false;
    else if (logging === 'OVERRIDE') {
      const lc = hcl ? block(cfg, k.log) : get(cfg, k.log);
      logged = lc && lc.t !== 'object' ? undefined : !!(get(lc, k.group) || get(lc, k.bucket));
    } else if (logging === 'DEFAULT') logged = awslogsEverywhere(target(model, get(s.props, k.taskRef), k.task));
    if (logged !== false) continue;
    const set = hcl
      ? 'Set the cluster\'s configuration { execute_command_configuration { logging = "OVERRIDE", log_configuration { cloud_watch_log_group_name or s3_bucket_name }, kms_key_id } }'
      : 'Set the cluster\'s Configuration.ExecuteCommandConfiguration (Logging OVERRIDE with a log group or bucket, KmsKeyId)';
    report({
      resource: s,
      at: exec!.range,
      message: `ECS Exec is on, and cluster ${cluster.label} neither logs the sessions (${logging === 'DEFAULT' ? `${k.logging} DEFAULT, but not every container logs with awslogs` : `${k.logging} ${logging}`}) nor encrypts them with your KMS key: shell sessions into the tasks leave no record. ${set}, or turn ECS Exec off.`,
      related: [{ at: loggingNode?.range ?? cluster.anchor, message: `${cluster.label}: the cluster's execute-command configuration` }],
    });
  }
});
