import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { bool, get, items, keyRange, ofType, str, target, type DeploymentModel, type Resource } from '../model';
import { SERVICE } from '../network';

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
      fixes: fixes(!entry && (!settings || settings.t === 'array') ? editFix(model, c.props, 'Enable Container Insights', false, (p) => {
        const s = (p.ClusterSettings ??= []) as unknown[];
        s.push({ Name: 'containerInsights', Value: 'enabled' });
      }) : undefined),
    });
  }
});

/** Whether ECS Exec sessions of tasks of `task` are logged when the cluster uses `Logging` DEFAULT (every container on awslogs). */
function awslogsEverywhere(model: DeploymentModel, task: Resource | undefined): boolean | undefined {
  if (!task) return undefined;
  const containers = items(get(task.props, 'ContainerDefinitions'));
  if (!containers?.length) return undefined;
  let unknown = false;
  for (const c of containers) {
    const driver = get(c, 'LogConfiguration', 'LogDriver');
    if (!get(c, 'LogConfiguration')) return false;
    const d = str(driver);
    if (d === undefined) unknown = true;
    else if (d !== 'awslogs') return false;
  }
  return unknown ? undefined : true;
}

export const execLogging = deploymentRule({
  id: 'cluster/exec-logging',
  defaultSeverity: 'warning',
  description: 'A service enables ECS Exec while its cluster\'s execute-command configuration neither logs sessions nor encrypts them with a KMS key.',
  references: ['Amazon ECS developer guide: monitor ECS Exec sessions', 'Checkov CKV_AWS_223, CKV_AWS_224'],
  fixable: false,
}, ({ model, report }) => {
  for (const s of ofType(model, SERVICE)) {
    const exec = get(s.props, 'EnableExecuteCommand');
    if (bool(exec) !== true) continue;
    const cluster = target(model, get(s.props, 'Cluster'), CLUSTER);
    if (!cluster) continue;
    const cfg = get(cluster.props, 'Configuration', 'ExecuteCommandConfiguration');
    if (cfg && cfg.t !== 'object') continue;
    if (get(cfg, 'KmsKeyId')) continue;
    const loggingNode = get(cfg, 'Logging');
    const logging = loggingNode ? str(loggingNode)?.toUpperCase() : 'DEFAULT';
    let logged: boolean | undefined;
    if (logging === 'NONE') logged = false;
    else if (logging === 'OVERRIDE') {
      const lc = get(cfg, 'LogConfiguration');
      logged = lc && lc.t !== 'object' ? undefined : !!(get(lc, 'CloudWatchLogGroupName') || get(lc, 'S3BucketName'));
    } else if (logging === 'DEFAULT') logged = awslogsEverywhere(model, target(model, get(s.props, 'TaskDefinition'), TASK_DEFINITION));
    if (logged !== false) continue;
    report({
      resource: s,
      at: exec!.range,
      message: `ECS Exec is on, and cluster ${cluster.label} neither logs the sessions (${logging === 'DEFAULT' ? 'Logging DEFAULT, but not every container logs with awslogs' : `Logging ${logging}`}) nor encrypts them with your KMS key: shell sessions into the tasks leave no record. Set the cluster's Configuration.ExecuteCommandConfiguration (Logging OVERRIDE with a log group or bucket, KmsKeyId), or turn ECS Exec off.`,
      related: [{ at: loggingNode?.range ?? cluster.anchor, message: `${cluster.label}: the cluster's execute-command configuration` }],
    });
  }
});
