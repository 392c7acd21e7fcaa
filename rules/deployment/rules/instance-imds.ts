import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { get, int, items, keyRange, ofType, referrers, str, target, type DeploymentModel, type Resource } from '../model';
import type { HNode, Range } from '../../hosts/tree';
import { appendLines, block, hclFix, replaceValue, setArgument } from '../hcl';

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';

/** Resource types and property names of the two hosts (Terraform's blocks are one-item lists, read with `block`). */
const CFN = {
  launchTemplate: LAUNCH_TEMPLATE, launchConfiguration: LAUNCH_CONFIGURATION, asg: 'AWS::AutoScaling::AutoScalingGroup',
  capacityProvider: 'AWS::ECS::CapacityProvider', asgOfProvider: ['AutoScalingGroupProvider', 'AutoScalingGroupArn'],
  taskDefinition: 'AWS::ECS::TaskDefinition', networkMode: 'NetworkMode', compatibilities: 'RequiresCompatibilities',
  userData: ['UserData'], metadata: 'MetadataOptions', tokens: 'HttpTokens', hop: 'HttpPutResponseHopLimit', endpoint: 'HttpEndpoint',
};
const TF: typeof CFN = {
  launchTemplate: 'aws_launch_template', launchConfiguration: 'aws_launch_configuration', asg: 'aws_autoscaling_group',
  capacityProvider: 'aws_ecs_capacity_provider', asgOfProvider: ['auto_scaling_group_provider', 'auto_scaling_group_arn'],
  taskDefinition: 'aws_ecs_task_definition', networkMode: 'network_mode', compatibilities: 'requires_compatibilities',
  userData: ['user_data', 'user_data_base64'], metadata: 'metadata_options', tokens: 'http_tokens', hop: 'http_put_response_hop_limit', endpoint: 'http_endpoint',
};
const keys = (model: DeploymentModel) => (model.format === 'hcl' ? TF : CFN);

interface Instances {
  /** The launch template or launch configuration. */
  source: Resource;
  /** Where instance settings live: `LaunchTemplateData`, or the launch configuration's (Terraform: either's) arguments. */
  data: HNode | undefined;
  /** Why they are container instances: the capacity provider or the user data that joins a cluster. */
  why: { at: Range; message: string } | undefined;
}

/**
 * Literal text of a UserData value: a string, `Fn::Base64` of a string or `Fn::Sub`, Terraform's
 * `base64encode(<<EOF ... EOF)` (its literal parts, `${...}` kept). Undefined for `templatefile()`, `file()`, references.
 */
function userDataText(n: HNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.t === 'scalar' && typeof n.value === 'string') return n.value;
  if (n.t === 'template') return n.value;
  if (n.call?.fn === 'Base64' || n.call?.fn === 'base64encode' || n.call?.fn === 'base64gzip') return userDataText(n.call.arg);
  if (n.call?.fn === 'Sub') return userDataText(n.call.arg.t === 'array' ? n.call.arg.items[0] : n.call.arg);
  return undefined;
}

function userData(model: DeploymentModel, data: HNode | undefined): HNode | undefined {
  for (const key of keys(model).userData) { const u = get(data, key); if (u) return u; }
  return undefined;
}

const JOINS_CLUSTER = /ECS_CLUSTER\s*=|\/etc\/ecs\/ecs\.config/;

/** Launch templates and configurations whose instances join an ECS cluster of the file, or say so in their user data. */
function containerInstances(model: DeploymentModel): Instances[] {
  const k = keys(model);
  const out: Instances[] = [];
  const viaProvider = new Map<Resource, Resource>();
  for (const cp of ofType(model, k.capacityProvider)) {
    const provider = model.format === 'hcl' ? block(cp.props, k.asgOfProvider[0]) : get(cp.props, k.asgOfProvider[0]);
    const asg = target(model, get(provider, k.asgOfProvider[1]), k.asg);
    if (asg) viaProvider.set(asg, cp);
  }
  for (const source of ofType(model, k.launchTemplate, k.launchConfiguration)) {
    const data = source.type === LAUNCH_TEMPLATE ? get(source.props, 'LaunchTemplateData') : source.props;
    const asgs = referrers(model, source, k.asg).map((r) => r.from);
    const cp = asgs.map((a) => viaProvider.get(a)).find((x) => x);
    const ud = userData(model, data);
    let why: Instances['why'];
    if (cp) why = { at: cp.anchor, message: `${cp.label}: the capacity provider that runs ECS tasks on these instances` };
    else if (JOINS_CLUSTER.test(userDataText(ud) ?? '')) why = { at: ud!.range, message: 'the user data that joins the instances to an ECS cluster' };
    if (why) out.push({ source, data, why });
  }
  return out;
}

const related = (i: Instances) => (i.why ? [i.why] : undefined);

export const instanceImdsv2 = deploymentRule({
  id: 'instance/imdsv2',
  defaultSeverity: 'warning',
  description: 'Container instances (launch template or configuration of the cluster\'s Auto Scaling group) do not require IMDSv2, or allow more than one hop.',
  references: ['AWS Foundational Security Best Practices EC2.8, AutoScaling.3, EC2.170', 'Amazon ECS best practices: restrict access to the instance metadata', 'cdk-nag AwsSolutions-EC29 / AS3', 'Checkov CKV_AWS_79'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  const k = keys(model);
  for (const i of containerInstances(model)) {
    if (i.data && i.data.t !== 'object') continue;
    const meta = hcl ? block(i.data, k.metadata) : get(i.data, k.metadata);
    if (meta && meta.t !== 'object') continue;
    if (str(get(meta, k.endpoint))?.toLowerCase() === 'disabled') continue; // no metadata service at all
    const tokens = get(meta, k.tokens);
    const t = tokens ? str(tokens)?.toLowerCase() : undefined;
    const dataKey = i.source.type === LAUNCH_TEMPLATE ? 'LaunchTemplateData' : undefined;
    // Software that still speaks IMDSv1 on the instances breaks: offered, never applied by "fix all".
    const fix = () => fixes(hcl
      ? hclFix(model, 'Require IMDSv2 (http_tokens = "required")', false, [meta ? setArgument(model, meta, k.tokens, '"required"')
        : appendLines(model, i.data, [`${k.metadata} {`, `  ${k.tokens} = "required"`, '}'])])
      : editFix(model, i.data, 'Require IMDSv2 (HttpTokens: required)', false, (d) => {
        d.MetadataOptions = { ...(d.MetadataOptions as object | undefined), HttpTokens: 'required' };
      }));
    const where = hcl ? `${k.metadata} { ${k.tokens} = "required" }` : 'MetadataOptions.HttpTokens to required';
    if (!tokens || t === 'optional') {
      report({
        resource: i.source,
        at: tokens?.range ?? keyRange(i.data, k.metadata) ?? (dataKey && keyRange(i.source.props, dataKey)) ?? i.source.anchor,
        // Unset, the AMI decides (Amazon Linux 2023 requires IMDSv2; Amazon Linux 2 does not): informational then.
        severity: tokens ? undefined : 'info',
        message: `${tokens ? `${k.tokens} is optional` : `${k.tokens} is not set, so the AMI decides (Amazon Linux 2 allows IMDSv1)`}: these container instances answer IMDSv1, where a single server-side request forgery in any container reads the instance role's credentials. Set ${where}.`,
        related: related(i),
        fixes: fix(),
      });
    }
    const hop = get(meta, k.hop);
    const h = int(hop);
    if (h !== undefined && h > 1) {
      report({
        resource: i.source,
        at: hop!.range,
        message: `${k.hop} is ${h}: containers in bridge mode are one hop further than the instance, so they can reach the instance metadata service and the instance role's credentials. Use 1 (tasks get their own credentials from the task role).`,
        related: related(i),
        fixes: fixes(hcl ? hclFix(model, `Set ${k.hop} to 1`, false, [replaceValue(hop!, '1')])
          : editFix(model, meta, 'Set HttpPutResponseHopLimit to 1', false, (m) => { m.HttpPutResponseHopLimit = 1; })),
      });
    }
  }
});

export const instanceAwsvpcBlockImds = deploymentRule({
  id: 'instance/awsvpc-block-imds',
  defaultSeverity: 'warning',
  description: 'Container instance user data writes ecs.config without ECS_AWSVPC_BLOCK_IMDS=true while the template runs awsvpc tasks on EC2.',
  references: ['Amazon ECS best practices: restrict access to the instance metadata (ECS_AWSVPC_BLOCK_IMDS)', 'Amazon ECS container agent configuration'],
  fixable: false,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const k = keys(model);
  const awsvpcOnEc2 = ofType(model, k.taskDefinition).filter((t) => str(get(t.props, k.networkMode)) === 'awsvpc'
    && (items(get(t.props, k.compatibilities)) ?? []).some((c) => str(c) === 'EC2'));
  if (!awsvpcOnEc2.length) return;
  for (const i of containerInstances(model)) {
    const ud = userData(model, i.data);
    const text = userDataText(ud);
    if (!text || !/\/etc\/ecs\/ecs\.config/.test(text) || /ECS_AWSVPC_BLOCK_IMDS\s*=\s*true/.test(text)) continue;
    // A value we cannot read may be the setting.
    if (/ECS_AWSVPC_BLOCK_IMDS/.test(text)) continue;
    report({
      resource: i.source,
      at: ud!.range,
      message: `the user data writes /etc/ecs/ecs.config without ECS_AWSVPC_BLOCK_IMDS=true, and ${awsvpcOnEc2.map((t) => t.label).join(', ')} run${awsvpcOnEc2.length === 1 ? 's' : ''} in awsvpc mode on EC2: those tasks can reach the instance metadata service and the instance role's credentials. Add "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config".`,
      related: awsvpcOnEc2.map((t) => ({ at: keyRange(t.props, k.networkMode) ?? t.anchor, message: `${t.label}: an awsvpc task definition for EC2` })),
    });
  }
});
