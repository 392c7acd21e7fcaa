import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { get, int, items, keyRange, ofType, referrers, str, target, type DeploymentModel, type Resource } from '../model';
import type { HNode, Range } from '../../hosts/tree';

const LAUNCH_TEMPLATE = 'AWS::EC2::LaunchTemplate';
const LAUNCH_CONFIGURATION = 'AWS::AutoScaling::LaunchConfiguration';
const ASG = 'AWS::AutoScaling::AutoScalingGroup';
const CAPACITY_PROVIDER = 'AWS::ECS::CapacityProvider';

interface Instances {
  /** The launch template or launch configuration. */
  source: Resource;
  /** Where instance settings live: `LaunchTemplateData`, or the launch configuration's properties. */
  data: HNode | undefined;
  /** Why they are container instances: the capacity provider or the user data that joins a cluster. */
  why: { at: Range; message: string } | undefined;
}

/** Literal text of a UserData value (`Fn::Base64` of a string or `Fn::Sub`): its literal parts, `${...}` kept. */
function userDataText(n: HNode | undefined): string | undefined {
  if (!n) return undefined;
  if (n.t === 'scalar' && typeof n.value === 'string') return n.value;
  if (n.t === 'template') return n.value;
  if (n.call?.fn === 'Base64') return userDataText(n.call.arg);
  if (n.call?.fn === 'Sub') return userDataText(n.call.arg.t === 'array' ? n.call.arg.items[0] : n.call.arg);
  return undefined;
}

const JOINS_CLUSTER = /ECS_CLUSTER\s*=|\/etc\/ecs\/ecs\.config/;

/** Launch templates and configurations whose instances join an ECS cluster of the file, or say so in their user data. */
function containerInstances(model: DeploymentModel): Instances[] {
  const out: Instances[] = [];
  const viaProvider = new Map<Resource, Resource>();
  for (const cp of ofType(model, CAPACITY_PROVIDER)) {
    const asg = target(model, get(cp.props, 'AutoScalingGroupProvider', 'AutoScalingGroupArn'), ASG);
    if (asg) viaProvider.set(asg, cp);
  }
  for (const source of ofType(model, LAUNCH_TEMPLATE, LAUNCH_CONFIGURATION)) {
    const data = source.type === LAUNCH_TEMPLATE ? get(source.props, 'LaunchTemplateData') : source.props;
    const asgs = referrers(model, source, ASG).map((r) => r.from);
    const cp = asgs.map((a) => viaProvider.get(a)).find((x) => x);
    const ud = get(data, 'UserData');
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
  references: ['AWS Foundational Security Best Practices EC2.8, AutoScaling.3, EC2.170', 'Amazon ECS best practices: restrict access to the instance metadata', 'cdk-nag AwsSolutions-EC29 / AS3'],
  fixable: true,
}, ({ model, report }) => {
  for (const i of containerInstances(model)) {
    if (i.data && i.data.t !== 'object') continue;
    const meta = get(i.data, 'MetadataOptions');
    if (meta && meta.t !== 'object') continue;
    const tokens = get(meta, 'HttpTokens');
    const t = tokens ? str(tokens)?.toLowerCase() : undefined;
    const dataKey = i.source.type === LAUNCH_TEMPLATE ? 'LaunchTemplateData' : undefined;
    const fix = () => fixes(editFix(model, i.data, 'Require IMDSv2 (HttpTokens: required)', false, (d) => {
      d.MetadataOptions = { ...(d.MetadataOptions as object | undefined), HttpTokens: 'required' };
    }));
    if (!tokens || t === 'optional') {
      report({
        resource: i.source,
        at: tokens?.range ?? keyRange(i.data, 'MetadataOptions') ?? (dataKey && keyRange(i.source.props, dataKey)) ?? i.source.anchor,
        // Unset, the AMI decides (Amazon Linux 2023 requires IMDSv2; Amazon Linux 2 does not): informational then.
        severity: tokens ? undefined : 'info',
        message: `${tokens ? 'HttpTokens is optional' : 'HttpTokens is not set, so the AMI decides (Amazon Linux 2 allows IMDSv1)'}: these container instances answer IMDSv1, where a single server-side request forgery in any container reads the instance role's credentials. Set MetadataOptions.HttpTokens to required.`,
        related: related(i),
        fixes: fix(),
      });
    }
    const hop = get(meta, 'HttpPutResponseHopLimit');
    const h = int(hop);
    if (h !== undefined && h > 1) {
      report({
        resource: i.source,
        at: hop!.range,
        message: `HttpPutResponseHopLimit is ${h}: containers in bridge mode are one hop further than the instance, so they can reach the instance metadata service and the instance role's credentials. Use 1 (tasks get their own credentials from the task role).`,
        related: related(i),
        fixes: fixes(editFix(model, meta, 'Set HttpPutResponseHopLimit to 1', false, (m) => { m.HttpPutResponseHopLimit = 1; })),
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
}, ({ model, report }) => {
  const awsvpcOnEc2 = ofType(model, 'AWS::ECS::TaskDefinition').filter((t) => str(get(t.props, 'NetworkMode')) === 'awsvpc'
    && (items(get(t.props, 'RequiresCompatibilities')) ?? []).some((c) => str(c) === 'EC2'));
  if (!awsvpcOnEc2.length) return;
  for (const i of containerInstances(model)) {
    const ud = get(i.data, 'UserData');
    const text = userDataText(ud);
    if (!text || !/\/etc\/ecs\/ecs\.config/.test(text) || /ECS_AWSVPC_BLOCK_IMDS\s*=\s*true/.test(text)) continue;
    // A value we cannot read may be the setting.
    if (/ECS_AWSVPC_BLOCK_IMDS/.test(text)) continue;
    report({
      resource: i.source,
      at: ud!.range,
      message: `the user data writes /etc/ecs/ecs.config without ECS_AWSVPC_BLOCK_IMDS=true, and ${awsvpcOnEc2.map((t) => t.label).join(', ')} run${awsvpcOnEc2.length === 1 ? 's' : ''} in awsvpc mode on EC2: those tasks can reach the instance metadata service and the instance role's credentials. Add "echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config".`,
      related: awsvpcOnEc2.map((t) => ({ at: keyRange(t.props, 'NetworkMode') ?? t.anchor, message: `${t.label}: an awsvpc task definition for EC2` })),
    });
  }
});
