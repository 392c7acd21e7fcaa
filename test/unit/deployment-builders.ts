// Host-neutral builders of the shared cross-resource table (deployment-table.ts, issue 17). Each builder (a security
// group with ingress rules, a service, a load balancer, a role, ...) writes its resource both as CloudFormation (a
// template object: deployment-render.ts renders it as JSON, long-form and short-form YAML) and as Terraform resources
// with the AWS provider's argument names (deployment-render-terraform.ts writes them into the files of a module:
// network.tf, service.tf, iam.tf, compute.tf), and says where each of its anchors (`ingress.0.cidr`, `group.0`, the
// resource's key) is in both. Values: literals, references to other resources of the case (`ref`, `att`), and unknowns
// (`param`, `local`, `data`, `moduleOut`: a Parameter or Fn::ImportValue in CloudFormation; var., local., data.,
// module. in Terraform).
import type { Path } from './deployment-render';
import { Block, Call, Raw, type TfBody, type TfExpr, type TfResource } from './deployment-render-terraform';

export type Host = 'cfn' | 'tf';


// ---- values -------------------------------------------------------------------------------------------------------

/** A reference to another resource of the case: `Ref` / `Fn::GetAtt` (with `cfnAttr`), `aws_x.name.<tfAttr>`. */
export class Ref { constructor(readonly name: string, readonly cfnAttr?: string, readonly tfAttr?: string) {} }
/** A value written differently in each host (an unknown: parameter or import / var, local, data source, module output). */
export class Both { constructor(readonly cfn: unknown, readonly tf: TfExpr, readonly parameter?: string) {} }

export type V = string | number | boolean | Ref | Both | V[] | { [k: string]: V };

export const ref = (name: string, tfAttr?: string): Ref => new Ref(name, undefined, tfAttr);
export const att = (name: string, cfnAttr: string, tfAttr?: string): Ref => new Ref(name, cfnAttr, tfAttr);
/** A deploy-time input: a CloudFormation parameter, a Terraform variable. */
export const param = (name: string): Both => new Both({ Ref: name }, new Raw(`var.${name}`), name);
/** A CloudFormation parameter, a Terraform local value. */
export const local = (name: string): Both => new Both({ Ref: name }, new Raw(`local.${name}`), name);
/** Another stack's export, a Terraform data source. */
export const data = (type: string, name: string, attr = 'id'): Both => new Both({ 'Fn::ImportValue': `${name}-${attr}` }, new Raw(`data.${type}.${name}.${attr}`));
/** Another stack's export, a Terraform module output. */
export const moduleOut = (module: string, output: string): Both => new Both({ 'Fn::ImportValue': `${module}-${output}` }, new Raw(`module.${module}.${output}`));
/** A string with deploy-time parts: `Fn::Sub` in CloudFormation, a template in Terraform. */
export const sub = (cfn: string, tf: string): Both => new Both({ 'Fn::Sub': cfn }, new Raw(JSON.stringify(tf)));
/** An AWS managed policy's ARN, built with the partition. */
export const managed = (name: string): Both => sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`, `arn:\${data.aws_partition.current.partition}:iam::aws:policy/${name}`);

// ---- resources and anchors ----------------------------------------------------------------------------------------

/** Where an anchor is in one host: the resource (logical id / Terraform address) and the path into its properties. */
export interface HostAt { res: string; path?: Path; key?: boolean }
export interface Anchor { cfn?: HostAt; tf?: HostAt }

export interface CfnResource { Type: string; Properties?: Record<string, V>; Condition?: string; Metadata?: Record<string, unknown> }

export interface Res {
  /** The neutral name: the logical id in CloudFormation, the resource name in Terraform. */
  name: string;
  cfn: Record<string, CfnResource>;
  tf: TfResource[];
  /** Anchors by neutral name (`ingress.0.cidr`); the resource's key is the anchor `''`. */
  anchors: Record<string, Anchor>;
  /** What messages call it in CloudFormation when not its logical id (a CDK construct path). */
  cfnLabel?: string;
}

/** A Terraform resource of a builder: its file follows its type unless the case says otherwise. */
const FILES: [RegExp, string][] = [
  [/^aws_iam_/, 'iam.tf'],
  [/^aws_(ecs_service|ecs_task_definition|ecs_cluster|ecr_|appmesh_)/, 'service.tf'],
  [/^aws_(launch_|autoscaling_|ecs_capacity_provider)/, 'compute.tf'],
];
const fileOf = (type: string) => FILES.find(([re]) => re.test(type))?.[1] ?? 'network.tf';

function res(name: string, cfnType: string, cfnProps: Record<string, V | undefined>, tfType: string, tfBody: TfBody, anchors: Record<string, [Path, Path, boolean?]>, extra: Partial<Res> = {}): Res {
  const out: Res = {
    name,
    cfn: { [name]: { Type: cfnType, Properties: clean(cfnProps) } },
    tf: [{ type: tfType, name, file: fileOf(tfType), body: tfBody }],
    anchors: { '': { cfn: { res: name }, tf: { res: `${tfType}.${name}` } } },
    ...extra,
  };
  for (const [k, [c, t, key]] of Object.entries(anchors)) out.anchors[k] = { cfn: { res: name, path: c, key }, tf: { res: `${tfType}.${name}`, path: t, key } };
  return out;
}

function clean<T extends Record<string, unknown>>(o: T): Record<string, V> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, V>;
}

const blocks = (list: TfBody[]): Block[] | undefined => (list.length ? list.map((b) => new Block(b)) : undefined);

// ---- security groups ----------------------------------------------------------------------------------------------

export interface Ing {
  proto?: 'tcp' | 'udp' | '-1';
  from?: number;
  to?: number;
  /** IPv4 sources; an unknown list (var.x) as a whole. One CloudFormation entry per CIDR. */
  cidrs?: V[] | Both;
  cidr6?: V;
  /** Source security group. */
  source?: V;
}
export const tcp = (port: number, src: Partial<Ing>): Ing => ({ proto: 'tcp', from: port, to: port, ...src });
export const allTraffic = (src: Partial<Ing>): Ing => ({ proto: '-1', ...src });
export const world: Partial<Ing> = { cidrs: ['0.0.0.0/0'] };

/** A security group with inline ingress rules. Anchors `ingress.<i>.cidr` (`.cidr.<j>` for the j-th CIDR), `ingress.<i>.cidr6`. */
export function sg(name: string, ingress: Ing[], tfExtra: TfBody = {}): Res {
  const entries: Record<string, V>[] = [];
  const anchors: Record<string, [Path, Path, boolean?]> = {};
  ingress.forEach((g, i) => {
    const base: Record<string, V> = g.proto === '-1' ? { IpProtocol: '-1' } : { IpProtocol: g.proto ?? 'tcp', FromPort: g.from!, ToPort: g.to! };
    const cidrs = g.cidrs instanceof Both ? [g.cidrs] : g.cidrs ?? [];
    cidrs.forEach((c, j) => {
      anchors[`ingress.${i}.cidr.${j}`] = [['SecurityGroupIngress', entries.length, 'CidrIp'], g.cidrs instanceof Both ? ['ingress', i, 'cidr_blocks'] : ['ingress', i, 'cidr_blocks', j]];
      if (j === 0) anchors[`ingress.${i}.cidr`] = anchors[`ingress.${i}.cidr.0`];
      entries.push({ ...base, CidrIp: c });
    });
    if (g.cidr6 !== undefined) {
      anchors[`ingress.${i}.cidr6`] = [['SecurityGroupIngress', entries.length, 'CidrIpv6'], ['ingress', i, 'ipv6_cidr_blocks', 0]];
      entries.push({ ...base, CidrIpv6: g.cidr6 });
    }
    if (g.source !== undefined) entries.push({ ...base, SourceSecurityGroupId: g.source });
  });
  const tfBlocks = ingress.map((g): TfBody => ({
    from_port: g.proto === '-1' ? 0 : g.from,
    to_port: g.proto === '-1' ? 0 : g.to,
    protocol: g.proto ?? 'tcp',
    cidr_blocks: g.cidrs === undefined ? undefined : g.cidrs instanceof Both ? tf(g.cidrs) : g.cidrs.map(tf),
    ipv6_cidr_blocks: g.cidr6 === undefined ? undefined : [tf(g.cidr6)],
    security_groups: g.source === undefined ? undefined : [tf(g.source)],
  }));
  return res(name, 'AWS::EC2::SecurityGroup', { GroupDescription: 'sg', VpcId: 'vpc-1234', SecurityGroupIngress: entries },
    'aws_security_group', { name, description: 'sg', vpc_id: 'vpc-1234', ...tfExtra, ingress: blocks(tfBlocks) }, anchors);
}

/**
 * A standalone ingress rule: AWS::EC2::SecurityGroupIngress; aws_vpc_security_group_ingress_rule (`vpc`) or
 * aws_security_group_rule of type ingress (`rule`). Anchor `cidr`.
 */
export function ingressRule(name: string, group: V, g: Ing, style: 'vpc' | 'rule' = 'vpc'): Res {
  const v6 = g.cidr6 !== undefined;
  const cidr = v6 ? g.cidr6! : (g.cidrs as V[])[0];
  const cfn = { GroupId: group, IpProtocol: g.proto ?? 'tcp', FromPort: g.from, ToPort: g.to, [v6 ? 'CidrIpv6' : 'CidrIp']: cidr };
  if (style === 'vpc') {
    return res(name, 'AWS::EC2::SecurityGroupIngress', cfn, 'aws_vpc_security_group_ingress_rule',
      { security_group_id: tf(group), from_port: g.from, to_port: g.to, ip_protocol: g.proto ?? 'tcp', [v6 ? 'cidr_ipv6' : 'cidr_ipv4']: tf(cidr) },
      { cidr: [[v6 ? 'CidrIpv6' : 'CidrIp'], [v6 ? 'cidr_ipv6' : 'cidr_ipv4']] });
  }
  return res(name, 'AWS::EC2::SecurityGroupIngress', cfn, 'aws_security_group_rule',
    { type: 'ingress', security_group_id: tf(group), from_port: g.from, to_port: g.to, protocol: g.proto ?? 'tcp', [v6 ? 'ipv6_cidr_blocks' : 'cidr_blocks']: [tf(cidr)] },
    { cidr: [[v6 ? 'CidrIpv6' : 'CidrIp'], [v6 ? 'ipv6_cidr_blocks' : 'cidr_blocks', 0]] });
}

// ---- ECS services, clusters, task definitions, repositories -------------------------------------------------------

export interface ServiceOpts {
  groups?: V[];
  subnets?: V[];
  cluster?: V;
  task?: V;
  /** The target group it registers with (container app:8080). */
  targetGroup?: V;
  exec?: V;
  launchType?: string;
  /** Service Connect: the services it publishes, with a TLS issuer when given. */
  connect?: { port: string; alias?: number; tls?: V }[];
}

/** An ECS service. Anchors `group.<i>` (its awsvpc security groups), `exec`, `connect.<i>` (the port name's key). */
export function service(name: string, o: ServiceOpts = {}): Res {
  const subnets = o.subnets ?? (o.groups ? ['subnet-1'] : undefined);
  const anchors: Record<string, [Path, Path, boolean?]> = {
    exec: [['EnableExecuteCommand'], ['enable_execute_command']],
  };
  (o.groups ?? []).forEach((_, i) => { anchors[`group.${i}`] = [['NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups', i], ['network_configuration', 'security_groups', i]]; });
  (o.connect ?? []).forEach((_, i) => { anchors[`connect.${i}`] = [['ServiceConnectConfiguration', 'Services', i, 'PortName'], ['service_connect_configuration', 'service', i, 'port_name'], true]; });
  const cfn = {
    Cluster: o.cluster ?? (o.connect ? undefined : 'prod'),
    TaskDefinition: o.task ?? 'web:1',
    LaunchType: o.launchType,
    EnableExecuteCommand: o.exec,
    LoadBalancers: o.targetGroup ? [{ TargetGroupArn: o.targetGroup, ContainerName: 'app', ContainerPort: 8080 }] : undefined,
    ServiceConnectConfiguration: o.connect ? {
      Enabled: true, Namespace: 'internal',
      Services: o.connect.map((c) => clean({ PortName: c.port, ClientAliases: c.alias ? [{ Port: c.alias }] : undefined, Tls: c.tls ? { IssuerCertificateAuthority: { AwsPcaAuthorityArn: c.tls } } : undefined })),
    } : undefined,
    NetworkConfiguration: subnets ? { AwsvpcConfiguration: clean({ Subnets: subnets, SecurityGroups: o.groups }) } : undefined,
  };
  const tfBody: TfBody = {
    name,
    cluster: tfOpt(cfn.Cluster),
    task_definition: tf(cfn.TaskDefinition),
    launch_type: o.launchType,
    enable_execute_command: tfOpt(o.exec),
    network_configuration: subnets ? new Block({ subnets: subnets.map(tf), security_groups: o.groups?.map(tf) }) : undefined,
    load_balancer: o.targetGroup ? new Block({ target_group_arn: tf(o.targetGroup), container_name: 'app', container_port: 8080 }) : undefined,
    service_connect_configuration: o.connect ? new Block({
      enabled: true, namespace: 'internal',
      service: o.connect.map((c) => new Block({
        port_name: c.port,
        client_alias: c.alias ? new Block({ port: c.alias }) : undefined,
        tls: c.tls ? new Block({ issuer_cert_authority: new Block({ aws_pca_authority_arn: tf(c.tls) }) }) : undefined,
      })),
    }) : undefined,
  };
  return res(name, 'AWS::ECS::Service', cfn, 'aws_ecs_service', tfBody, anchors);
}

export interface Container { name?: string; image?: V; logs?: boolean; secrets?: V[] }

/** A task definition. Anchors `taskRole`, `execRole`, `networkMode` (key). */
export function taskDef(name: string, o: { taskRole?: V; execRole?: V; networkMode?: string; compat?: string[]; family?: string | false; containers?: Container[] } = {}): Res {
  const containers = o.containers ?? [{}];
  const cfnContainers = containers.map((c) => clean({
    Name: c.name ?? 'app',
    Image: c.image ?? 'public.ecr.aws/nginx/nginx:1.27',
    Essential: true,
    LogConfiguration: c.logs === false ? undefined : { LogDriver: 'awslogs', Options: { 'awslogs-group': 'app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
    Secrets: c.secrets?.map((s, i) => ({ Name: `SECRET_${i}`, ValueFrom: s })),
  }));
  const tfContainers = containers.map((c) => cleanTf({
    name: c.name ?? 'app',
    image: tf(c.image ?? 'public.ecr.aws/nginx/nginx:1.27'),
    essential: true,
    logConfiguration: c.logs === false ? undefined : { logDriver: 'awslogs', options: { 'awslogs-group': 'app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
    secrets: c.secrets?.map((s, i) => ({ name: `SECRET_${i}`, valueFrom: tf(s) })),
  }));
  const family = o.family === false ? undefined : o.family ?? 'web';
  return res(name, 'AWS::ECS::TaskDefinition', {
    Family: family, NetworkMode: o.networkMode, RequiresCompatibilities: o.compat, TaskRoleArn: o.taskRole, ExecutionRoleArn: o.execRole, ContainerDefinitions: cfnContainers,
  }, 'aws_ecs_task_definition', {
    family: family ?? name, network_mode: o.networkMode, requires_compatibilities: o.compat, task_role_arn: tfOpt(o.taskRole), execution_role_arn: tfOpt(o.execRole),
    container_definitions: new Call('jsonencode', [tfContainers]),
  }, {
    taskRole: [['TaskRoleArn'], ['task_role_arn']],
    execRole: [['ExecutionRoleArn'], ['execution_role_arn']],
    networkMode: [['NetworkMode'], ['network_mode'], true],
  });
}

/** An ECS cluster. Anchors `insights` (the containerInsights value), `logging` (execute-command logging). */
export function cluster(name: string, o: { insights?: V; exec?: { logging?: V; kms?: V } } = {}): Res {
  return res(name, 'AWS::ECS::Cluster', {
    ClusterName: o.insights === undefined && !o.exec ? name.toLowerCase() : undefined,
    ClusterSettings: o.insights === undefined ? undefined : [{ Name: 'containerInsights', Value: o.insights }],
    Configuration: o.exec ? { ExecuteCommandConfiguration: clean({ Logging: o.exec.logging, KmsKeyId: o.exec.kms }) } : undefined,
  }, 'aws_ecs_cluster', {
    name: name.toLowerCase(),
    setting: o.insights === undefined ? undefined : [new Block({ name: 'containerInsights', value: tf(o.insights) })],
    configuration: o.exec ? new Block({ execute_command_configuration: new Block({ kms_key_id: tfOpt(o.exec.kms), logging: tfOpt(o.exec.logging) }) }) : undefined,
  }, {
    insights: [['ClusterSettings', 0, 'Value'], ['setting', 0, 'value']],
    logging: [['Configuration', 'ExecuteCommandConfiguration', 'Logging'], ['configuration', 'execute_command_configuration', 'logging']],
  });
}

/** An ECR repository. Anchors `mutability`, `scan`. */
export function repository(name: string, o: { mutability?: V; scan?: V; repositoryName?: string; cdkPath?: string } = {}): Res {
  const r = res(name, 'AWS::ECR::Repository', {
    RepositoryName: o.repositoryName, ImageTagMutability: o.mutability, ImageScanningConfiguration: o.scan === undefined ? undefined : { ScanOnPush: o.scan },
  }, 'aws_ecr_repository', {
    name: o.repositoryName ?? name.toLowerCase(), image_tag_mutability: tfOpt(o.mutability), image_scanning_configuration: o.scan === undefined ? undefined : new Block({ scan_on_push: tf(o.scan) }),
  }, {
    mutability: [['ImageTagMutability'], ['image_tag_mutability']],
    scan: [['ImageScanningConfiguration', 'ScanOnPush'], ['image_scanning_configuration', 'scan_on_push']],
  });
  if (o.cdkPath) {
    r.cfn[name].Metadata = { 'aws:cdk:path': `${o.cdkPath}/Resource` };
    r.cfnLabel = o.cdkPath;
  }
  return r;
}

/** Registry-level scanning on push for every repository. */
export function registryScanning(name: string): Res {
  return res(name, 'AWS::ECR::RegistryScanningConfiguration', { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }] },
    'aws_ecr_registry_scanning_configuration', { scan_type: 'BASIC', rule: [new Block({ scan_frequency: 'SCAN_ON_PUSH', repository_filter: [new Block({ filter: '*', filter_type: 'WILDCARD' })] })] }, {});
}

// ---- load balancers -----------------------------------------------------------------------------------------------

/**
 * An ALB (an NLB with `network`; internet-facing unless `internal`), with access logs on unless `logs` says otherwise (`false`: the attribute
 * off; `'none'`: no attribute; or an unknown). Anchor `logs` (the access_logs.s3.enabled value / access_logs.enabled).
 */
export function loadBalancer(name: string, o: { groups?: V[]; internal?: boolean; scheme?: 'internet-facing'; network?: boolean; logs?: boolean | 'none' | Both; subnets?: V[] } = {}): Res {
  const logs = o.logs ?? true;
  return res(name, 'AWS::ElasticLoadBalancingV2::LoadBalancer', {
    Scheme: o.internal ? 'internal' : o.scheme,
    Type: o.network ? 'network' : undefined,
    Subnets: o.subnets ?? ['subnet-1', 'subnet-2'],
    SecurityGroups: o.groups,
    LoadBalancerAttributes: logs === 'none' ? undefined : logs === true
      ? [{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: 'logs-bucket' }]
      : [{ Key: 'access_logs.s3.enabled', Value: logs === false ? 'false' : logs }],
  }, 'aws_lb', {
    load_balancer_type: o.network ? 'network' : 'application',
    internal: o.internal ? true : o.scheme ? false : undefined,
    subnets: (o.subnets ?? ['subnet-1', 'subnet-2']).map(tf),
    security_groups: o.groups?.map(tf),
    access_logs: logs === 'none' ? undefined : new Block({ bucket: 'logs-bucket', enabled: logs === true ? true : logs === false ? false : tf(logs) }),
  }, {
    logs: [['LoadBalancerAttributes', 0, 'Value'], ['access_logs', 'enabled']],
  });
}

export function targetGroup(name: string): Res {
  return res(name, 'AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8080, Protocol: 'HTTP', TargetType: 'ip', VpcId: 'vpc-1234' },
    'aws_lb_target_group', { port: 8080, protocol: 'HTTP', target_type: 'ip', vpc_id: 'vpc-1234' }, {});
}

/** A listener forwarding to `forward`, or redirecting to HTTPS. Anchors `protocol`, `policy`. */
export function listener(name: string, lb: V, o: { protocol: string; port?: number; forward?: V; redirect?: boolean; policy?: V; certificate?: string; condition?: string }): Res {
  const port = o.port ?? (o.protocol === 'HTTP' ? 80 : 443);
  const r = res(name, 'AWS::ElasticLoadBalancingV2::Listener', {
    LoadBalancerArn: lb, Port: port, Protocol: o.protocol, SslPolicy: o.policy,
    Certificates: o.certificate ? [{ CertificateArn: o.certificate }] : undefined,
    DefaultActions: o.redirect ? [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] : [{ Type: 'forward', TargetGroupArn: o.forward ?? ref('TG') }],
  }, 'aws_lb_listener', {
    load_balancer_arn: tf(lb), port, protocol: o.protocol, ssl_policy: tfOpt(o.policy), certificate_arn: o.certificate,
    default_action: o.redirect
      ? new Block({ type: 'redirect', redirect: new Block({ protocol: 'HTTPS', port: '443', status_code: 'HTTP_301' }) })
      : new Block({ type: 'forward', target_group_arn: tf(o.forward ?? ref('TG')) }),
  }, {
    protocol: [['Protocol'], ['protocol']],
    policy: [['SslPolicy'], ['ssl_policy']],
  });
  if (o.condition) r.cfn[name].Condition = o.condition;
  return r;
}

/** LB (an ALB with access logs), TG (its target group) and Listener (forwarding to TG on `protocol`). */
export function alb(groups: V[], protocol = 'HTTP', o: { internal?: boolean } = {}): Res[] {
  return [loadBalancer('LB', { groups, internal: o.internal }), targetGroup('TG'), listener('Listener', ref('LB'), { protocol, forward: ref('TG') })];
}

// ---- IAM ----------------------------------------------------------------------------------------------------------

export const trustDoc = (principal: V): { [k: string]: V } => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: principal }, Action: 'sts:AssumeRole' }] });
export const allowDoc = (actions: V[], resource: V = '*'): { [k: string]: V } => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] });

/**
 * An IAM role trusting `principal` (ecs-tasks by default) or with the trust document `trust`. Managed policies are the
 * role's ManagedPolicyArns; in Terraform its managed_policy_arns, or aws_iam_role_policy_attachment resources
 * `<name>_<i>` (`attach`). Inline policies: Policies / inline_policy blocks. Anchors `trust` (the key), `managed.<i>`,
 * `inline.<i>.action.<j>`.
 */
export function role(name: string, o: { principal?: V; trust?: V; managed?: V[]; attach?: boolean; inline?: { name: string; actions: V[] }[] } = {}): Res {
  const trust = o.trust ?? trustDoc(o.principal ?? 'ecs-tasks.amazonaws.com');
  const r = res(name, 'AWS::IAM::Role', {
    AssumeRolePolicyDocument: trust,
    ManagedPolicyArns: o.managed,
    Policies: o.inline?.map((p) => ({ PolicyName: p.name, PolicyDocument: allowDoc(p.actions) })),
  }, 'aws_iam_role', {
    name,
    assume_role_policy: trust instanceof Both ? tf(trust) : new Call('jsonencode', [tf(trust)]),
    managed_policy_arns: o.attach ? undefined : o.managed?.map(tf),
    inline_policy: blocks((o.inline ?? []).map((p) => ({ name: p.name, policy: new Call('jsonencode', [tf(allowDoc(p.actions))]) }))),
  }, { trust: [['AssumeRolePolicyDocument'], ['assume_role_policy'], true] });
  (o.managed ?? []).forEach((_, i) => {
    r.anchors[`managed.${i}`] = { cfn: { res: name, path: ['ManagedPolicyArns', i] }, tf: o.attach ? { res: `aws_iam_role_policy_attachment.${name}_${i}`, path: ['policy_arn'] } : { res: `aws_iam_role.${name}`, path: ['managed_policy_arns', i] } };
  });
  if (o.attach) {
    o.managed?.forEach((arn, i) => r.tf.push({ type: 'aws_iam_role_policy_attachment', name: `${name}_${i}`, file: 'iam.tf', body: { role: new Raw(`aws_iam_role.${name}.name`), policy_arn: tf(arn) } }));
  }
  return r;
}

/** A policy attached to one role: AWS::IAM::Policy (Roles), aws_iam_role_policy (role). Anchor `action.<j>`. */
export function rolePolicy(name: string, roleRef: V, actions: V[], resource: V = '*'): Res {
  const doc = allowDoc(actions, resource);
  const anchors: Record<string, [Path, Path, boolean?]> = {};
  actions.forEach((_, j) => { anchors[`action.${j}`] = [['PolicyDocument', 'Statement', 0, 'Action', j], ['policy', 'Statement', 0, 'Action', j]]; });
  const tfRole = roleRef instanceof Ref ? new Ref(roleRef.name, undefined, 'id') : roleRef;
  return res(name, 'AWS::IAM::Policy', { PolicyName: name, Roles: [roleRef], PolicyDocument: doc },
    'aws_iam_role_policy', { name, role: tf(tfRole), policy: new Call('jsonencode', [tf(doc)]) }, anchors);
}

// ---- container instances ------------------------------------------------------------------------------------------

/**
 * A launch template (LaunchTemplateData / aws_launch_template). `userData` is the script, base64-encoded
 * (Fn::Base64 / base64encode). Anchors `tokens`, `hop`, `userData`.
 */
export function launchTemplate(name: string, o: { tokens?: V; hop?: V; endpoint?: V; image?: V; userData?: Both } = {}): Res {
  const meta = o.tokens === undefined && o.hop === undefined && o.endpoint === undefined ? undefined : { HttpTokens: o.tokens, HttpPutResponseHopLimit: o.hop, HttpEndpoint: o.endpoint };
  return res(name, 'AWS::EC2::LaunchTemplate', {
    LaunchTemplateData: clean({ ImageId: o.image ?? 'ami-12345678', MetadataOptions: meta && clean(meta), UserData: o.userData }),
  }, 'aws_launch_template', {
    image_id: tf(o.image ?? 'ami-12345678'),
    metadata_options: meta ? new Block({ http_tokens: tfOpt(o.tokens), http_put_response_hop_limit: tfOpt(o.hop), http_endpoint: tfOpt(o.endpoint) }) : undefined,
    user_data: tfOpt(o.userData),
  }, {
    tokens: [['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'], ['metadata_options', 'http_tokens']],
    hop: [['LaunchTemplateData', 'MetadataOptions', 'HttpPutResponseHopLimit'], ['metadata_options', 'http_put_response_hop_limit']],
    userData: [['LaunchTemplateData', 'UserData'], ['user_data']],
  });
}

/** A launch configuration (AWS::AutoScaling::LaunchConfiguration / aws_launch_configuration). Anchors `tokens`, `userData`. */
export function launchConfiguration(name: string, o: { tokens?: V; userData?: Both } = {}): Res {
  return res(name, 'AWS::AutoScaling::LaunchConfiguration', {
    ImageId: 'ami-12345678', InstanceType: 't3.small', MetadataOptions: o.tokens === undefined ? undefined : { HttpTokens: o.tokens }, UserData: o.userData,
  }, 'aws_launch_configuration', {
    image_id: 'ami-12345678', instance_type: 't3.small', metadata_options: o.tokens === undefined ? undefined : new Block({ http_tokens: tf(o.tokens) }), user_data: tfOpt(o.userData),
  }, {
    tokens: [['MetadataOptions', 'HttpTokens'], ['metadata_options', 'http_tokens']],
    userData: [['UserData'], ['user_data']],
  });
}

/** An Auto Scaling group launching from a launch template of the case. */
export function autoScalingGroup(name: string, template: string): Res {
  return res(name, 'AWS::AutoScaling::AutoScalingGroup', {
    MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: ref(template), Version: att(template, 'LatestVersionNumber') },
  }, 'aws_autoscaling_group', {
    min_size: 1, max_size: 2, launch_template: new Block({ id: tf(ref(template)), version: new Raw(`aws_launch_template.${template}.latest_version`) }),
  }, {});
}

/** An ECS capacity provider of an Auto Scaling group. */
export function capacityProvider(name: string, asg: V): Res {
  return res(name, 'AWS::ECS::CapacityProvider', { AutoScalingGroupProvider: { AutoScalingGroupArn: asg } },
    'aws_ecs_capacity_provider', { name: name.toLowerCase(), auto_scaling_group_provider: new Block({ auto_scaling_group_arn: tf(asg) }) }, {});
}

// ---- VPC ----------------------------------------------------------------------------------------------------------

export const vpc = (name: string, cidr: string): Res => res(name, 'AWS::EC2::VPC', { CidrBlock: cidr }, 'aws_vpc', { cidr_block: cidr }, {});
export const subnet = (name: string, vpcRef: V, cidr: string): Res => res(name, 'AWS::EC2::Subnet', { VpcId: vpcRef, CidrBlock: cidr }, 'aws_subnet', { vpc_id: tf(vpcRef), cidr_block: cidr }, {});
export const natGateway = (name: string, subnetRef: V): Res => res(name, 'AWS::EC2::NatGateway', { SubnetId: subnetRef, AllocationId: 'eipalloc-1' }, 'aws_nat_gateway', { allocation_id: 'eipalloc-1', subnet_id: tf(subnetRef) }, {});

/** An internet gateway attached to a VPC: InternetGateway + VPCGatewayAttachment (`<name>Attachment`); aws_internet_gateway with vpc_id. */
export function internetGateway(name: string, vpcRef: V): Res {
  const r = res(name, 'AWS::EC2::InternetGateway', {}, 'aws_internet_gateway', { vpc_id: tf(vpcRef) }, {});
  delete r.cfn[name].Properties;
  r.cfn[`${name}Attachment`] = { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: vpcRef, InternetGatewayId: ref(name) } };
  return r;
}

/** A flow log of a VPC or a subnet (ResourceId + ResourceType / vpc_id or subnet_id), or of an unknown resource. */
export function flowLog(name: string, of: { vpc?: V; subnet?: V }): Res {
  const [type, target, key] = of.vpc !== undefined ? ['VPC', of.vpc, 'vpc_id'] : ['Subnet', of.subnet!, 'subnet_id'];
  return res(name, 'AWS::EC2::FlowLog', { ResourceId: target, ResourceType: type, TrafficType: 'ALL' },
    'aws_flow_log', { [key]: tf(target), traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow-logs' }, {});
}

/** A VPC endpoint; `service` is the part after com.amazonaws.<region>. (or an unknown ServiceName). */
export function endpoint(name: string, vpcRef: V, service: string | Both, type = 'Interface'): Res {
  const svc = typeof service === 'string' ? sub(`com.amazonaws.\${AWS::Region}.${service}`, `com.amazonaws.\${data.aws_region.current.name}.${service}`) : service;
  return res(name, 'AWS::EC2::VPCEndpoint', { VpcId: vpcRef, ServiceName: svc, VpcEndpointType: type },
    'aws_vpc_endpoint', { vpc_id: tf(vpcRef), service_name: tf(svc), vpc_endpoint_type: type }, {});
}

// ---- App Mesh -----------------------------------------------------------------------------------------------------

/** An App Mesh virtual node. Anchors `listener.<i>.mode`, `backends` (the key of the backends). */
const CA_ARN = 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/abc';
const CFN_TRUST = { Trust: { ACM: { CertificateAuthorityArns: [CA_ARN] } } };
const tfTrust = () => new Block({ trust: new Block({ acm: new Block({ certificate_authority_arns: [CA_ARN] }) }) });

export function virtualNode(name: string, o: { listeners: { port: number; mode?: V; certificate?: V }[]; backends?: string[]; enforce?: V | 'default'; backendPolicy?: boolean }): Res {
  return res(name, 'AWS::AppMesh::VirtualNode', {
    MeshName: 'mesh',
    Spec: clean({
      Listeners: o.listeners.map((l) => clean({ PortMapping: { Port: l.port, Protocol: 'http' }, TLS: l.mode === undefined ? undefined : { Mode: l.mode, Certificate: { ACM: { CertificateArn: l.certificate ?? 'arn:aws:acm:us-east-1:123456789012:certificate/abc' } } } })),
      Backends: o.backends?.map((b) => ({ VirtualService: clean({ VirtualServiceName: b, ClientPolicy: o.backendPolicy ? { TLS: { Enforce: true, Validation: CFN_TRUST } } : undefined }) })),
      BackendDefaults: o.enforce === undefined ? undefined : { ClientPolicy: { TLS: clean({ Enforce: o.enforce === 'default' ? undefined : o.enforce, Validation: CFN_TRUST }) } },
    }),
  }, 'aws_appmesh_virtual_node', {
    name: name.toLowerCase(),
    mesh_name: 'mesh',
    spec: new Block({
      backend: blocks((o.backends ?? []).map((b) => ({ virtual_service: new Block({
        virtual_service_name: b, client_policy: o.backendPolicy ? new Block({ tls: new Block({ enforce: true, validation: tfTrust() }) }) : undefined,
      }) }))),
      backend_defaults: o.enforce === undefined ? undefined : new Block({ client_policy: new Block({ tls: new Block({
        enforce: o.enforce === 'default' ? undefined : tf(o.enforce), validation: tfTrust(),
      }) }) }),
      listener: o.listeners.map((l) => new Block({
        port_mapping: new Block({ port: l.port, protocol: 'http' }),
        tls: l.mode === undefined ? undefined : new Block({ mode: tf(l.mode), certificate: new Block({ acm: new Block({ certificate_arn: tf(l.certificate ?? 'arn:aws:acm:us-east-1:123456789012:certificate/abc') }) }) }),
      })),
    }),
  }, {
    ...Object.fromEntries(o.listeners.map((_, i) => [`listener.${i}.mode`, [['Spec', 'Listeners', i, 'TLS', 'Mode'], ['spec', 'listener', i, 'tls', 'mode']]])),
    backends: [['Spec', 'Backends'], ['spec', 'backend'], true],
  });
}

/** A resource of one host only (Terraform `count`, `dynamic` blocks; a CloudFormation Condition), anchors as given. */
export function terraformOnly(type: string, name: string, body: TfBody, anchors: Record<string, Path> = {}, file = fileOf(type)): Res {
  const address = `${type}.${name}`;
  return { name, cfn: {}, tf: [{ type, name, file, body }], anchors: { '': { tf: { res: address } }, ...Object.fromEntries(Object.entries(anchors).map(([k, p]) => [k, { tf: { res: address, path: p } }])) } };
}

// ---- rendering of values ------------------------------------------------------------------------------------------

/** Terraform resource types of the builders, for references (`aws_security_group.<name>.id`). */
const TF_ATTR: Record<string, string> = {
  aws_iam_role: 'arn', aws_lb: 'arn', aws_lb_target_group: 'arn', aws_lb_listener: 'arn', aws_ecs_task_definition: 'arn', aws_ecs_cluster: 'id',
  aws_autoscaling_group: 'arn', aws_iam_policy: 'arn',
};
let tfTypes: ReadonlyMap<string, string> = new Map();

/** Render values with the Terraform types of a case's resources in scope. */
export function withTypes<T>(resources: Res[], f: () => T): T {
  const before = tfTypes;
  tfTypes = new Map(resources.filter((r) => r.tf.length).map((r) => [r.name, r.tf[0].type]));
  try { return f(); } finally { tfTypes = before; }
}

/** A neutral value as a Terraform expression. */
export function tf(v: V): TfExpr {
  if (v instanceof Ref) {
    // Resolved lazily: the builders run before the case's resources are known.
    return new LazyRef(v);
  }
  if (v instanceof Both) return v.tf;
  if (Array.isArray(v)) return v.map(tf);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, tf(x)]));
  return v;
}
const tfOpt = (v: V | undefined): TfExpr | undefined => (v === undefined ? undefined : tf(v));
function cleanTf(o: Record<string, TfExpr | undefined>): { [k: string]: TfExpr } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [k: string]: TfExpr };
}

/** `aws_x.<name>.<attr>`, the type looked up when rendered. */
export class LazyRef extends Raw {
  constructor(readonly ref: Ref) { super(''); }
  override get text(): string {
    const type = tfTypes.get(this.ref.name);
    if (!type) throw new Error(`reference to ${this.ref.name}: no Terraform resource of that name in the case`);
    return `${type}.${this.ref.name}.${this.ref.tfAttr ?? TF_ATTR[type] ?? 'id'}`;
  }
}

/** A neutral value as CloudFormation (parameters it uses are added to `params`). */
export function cfn(v: unknown, params: Set<string>): unknown {
  if (v instanceof Ref) return v.cfnAttr ? { 'Fn::GetAtt': [v.name, v.cfnAttr] } : { Ref: v.name };
  if (v instanceof Both) {
    if (v.parameter) params.add(v.parameter);
    return v.cfn;
  }
  if (Array.isArray(v)) return v.map((x) => cfn(x, params));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cfn(x, params)]));
  return v;
}

