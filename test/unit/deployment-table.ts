// The shared table of cross-resource cases for the deployment rules (issue 17): resources made by the host-neutral
// builders of deployment-builders.ts, and the findings expected, each at a neutral anchor (`TaskSG:ingress.0.cidr`, the
// CIDR of TaskSG's first ingress rule; `LB`, the key of resource LB) with its related locations and a message pattern.
// deployment-table.test.ts renders every case as CloudFormation JSON, long-form YAML, short-form YAML and a multi-file
// Terraform module, and asserts exactly these findings in each. A rule in `silent` must say nothing (the unknown-value
// negatives: parameters and imports in CloudFormation; variables, locals, data sources, module outputs in Terraform).
import {
  Both, alb, allTraffic, att, autoScalingGroup, capacityProvider, cluster, data, endpoint, flowLog, ingressRule, internetGateway,
  launchConfiguration, launchTemplate, listener, loadBalancer, local, managed, moduleOut, natGateway, param, ref, registryScanning,
  repository, role, rolePolicy, service, sg, sub, subnet, targetGroup, taskDef, tcp, terraformOnly, trustDoc, virtualNode, vpc, world,
  type Host, type Res,
} from './deployment-builders';
import { Block, Raw } from './deployment-render-terraform';


export interface Expected {
  rule: string;
  /** `Name` (the resource's key / label) or `Name:anchor`. */
  at: string;
  related?: string[];
  /** A regular expression; `{Name}` stands for the label of resource Name in each host. Per host when they differ. */
  message?: string | { cfn?: string; tf?: string };
}

export interface TableCase {
  name: string;
  resources: Res[];
  expect: Expected[];
  silent?: string[];
  /** CloudFormation: this rule's first finding has a fix that removes it. */
  fix?: string;
  /** The hosts the case is about (both unless said): a CloudFormation Condition or a Terraform `count` has no twin. */
  hosts?: Host[];
}

const TG = ref('TG');
const taskSgRef = ref('TaskSG');
const ecrImage = sub('${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0', '${data.aws_caller_identity.current.account_id}.dkr.ecr.${data.aws_region.current.name}.amazonaws.com/app:1.0');
const joinsCluster = new Both(
  { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n' } },
  new Raw('"#!/bin/bash\\necho ECS_CLUSTER=${var.cluster_name} >> /etc/ecs/ecs.config\\n"'),
);
const blocksImds = new Both(
  { 'Fn::Base64': 'echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config; echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config' },
  new Raw('base64encode("echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config; echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config")'),
);

export const TABLE: TableCase[] = [
  // ---- network/task-world-ingress, network/admin-port-open ----
  {
    name: 'tasks behind an ALB admit the internet (inline rule)',
    resources: [sg('LBSG', [tcp(443, world)]), sg('TaskSG', [tcp(8080, world)]), ...alb([att('LBSG', 'GroupId')]), service('Service', { groups: [taskSgRef], targetGroup: TG })],
    expect: [
      {
        rule: 'network/task-world-ingress', at: 'TaskSG:ingress.0.cidr', related: ['Service:group.0', 'LBSG'],
        message: '^{TaskSG}: .*0\\.0\\.0\\.0/0 on port 8080.*tasks of {Service}\\. Behind the load balancer, admit only its security group \\({LBSG}\\)',
      },
      { rule: 'lb/https-listener', at: 'Listener:protocol', related: ['LB'], message: 'internet-facing load balancer {LB}' },
    ],
    fix: 'network/task-world-ingress',
  },
  {
    name: 'tasks behind an HTTPS ALB: the internet among two CIDRs of one rule',
    resources: [
      sg('LBSG', [tcp(443, world)]), sg('TaskSG', [tcp(8080, { cidrs: ['10.0.0.0/16', '0.0.0.0/0'] })]),
      loadBalancer('LB', { groups: [ref('LBSG')] }), targetGroup('TG'), listener('Https', ref('LB'), { protocol: 'HTTPS', forward: TG, certificate: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }),
      service('Service', { groups: [taskSgRef], targetGroup: TG, task: ref('Task') }), taskDef('Task', { networkMode: 'awsvpc' }),
    ],
    expect: [{
      rule: 'network/task-world-ingress', at: 'TaskSG:ingress.0.cidr.1', related: ['Service:group.0', 'LBSG'],
      message: '^{TaskSG}: this security group admits 0\\.0\\.0\\.0/0 on port 8080, and it reaches the tasks of {Service}\\. Behind the load balancer, admit only its security group \\({LBSG}\\)',
    }],
    silent: ['lb/https-listener', 'lb/tls-policy', 'network/admin-port-open'],
  },
  {
    name: 'tasks behind an NLB admit the internet: the advice is the VPC CIDR',
    resources: [
      sg('TaskSG', [tcp(8080, world)]), loadBalancer('NLB', { network: true }), targetGroup('TG'),
      listener('Tcp', ref('NLB'), { protocol: 'TCP', port: 8080, forward: TG }), service('Service', { groups: [taskSgRef], targetGroup: TG }),
    ],
    expect: [{ rule: 'network/task-world-ingress', at: 'TaskSG:ingress.0.cidr', related: ['Service:group.0'], message: 'tasks of {Service}\\. Behind a Network Load Balancer, admit only the VPC CIDR' }],
    silent: ['lb/https-listener', 'lb/tls-policy', 'lb/access-logs'],
  },
  {
    name: 'the load balancer and the tasks share one world-open group',
    resources: [sg('Shared', [tcp(8080, world)]), ...alb([ref('Shared')], 'HTTPS'), service('Service', { groups: [ref('Shared')], targetGroup: TG })],
    expect: [{ rule: 'network/task-world-ingress', at: 'Shared:ingress.0.cidr', related: ['Service:group.0'], message: 'The load balancer uses the same group: give the tasks a group of their own' }],
  },
  {
    name: 'IPv6 world ingress added by a standalone ingress rule',
    resources: [sg('TaskSG', []), ingressRule('Open', att('TaskSG', 'GroupId'), tcp(80, { cidr6: '::/0' })), service('Service', { groups: [att('TaskSG', 'GroupId')] })],
    expect: [{ rule: 'network/task-world-ingress', at: 'Open:cidr', related: ['Service:group.0'], message: '^{Open}: this rule of security group {TaskSG} admits ::/0' }],
  },
  {
    name: 'world-open SSH and RDP through standalone rules (aws_security_group_rule, aws_vpc_security_group_ingress_rule)',
    resources: [sg('Hosts', []), ingressRule('Ssh', ref('Hosts'), tcp(22, world), 'rule'), ingressRule('Rdp', ref('Hosts'), tcp(3389, { cidr6: '::/0' }))],
    expect: [
      { rule: 'network/admin-port-open', at: 'Ssh:cidr', related: ['Hosts'], message: '^{Ssh}: this rule of security group {Hosts} admits 0\\.0\\.0\\.0/0 to SSH \\(port 22\\)' },
      { rule: 'network/admin-port-open', at: 'Rdp:cidr', related: ['Hosts'], message: '^{Rdp}: .*::/0 to RDP \\(port 3389\\)' },
    ],
  },
  {
    name: 'unknown: a parameter / variable CIDR, an unknown CIDR list, imported / data source / module output groups, a rule of an unknown group',
    resources: [
      sg('TaskSG', [tcp(8080, { cidrs: [param('AllowedCidr')] })]),
      sg('Admin', [tcp(22, { cidrs: local('AdminCidrs') })]),
      ingressRule('Loose', data('aws_security_group', 'shared'), tcp(8080, world)),
      service('Service', { groups: [taskSgRef, data('aws_security_group', 'shared')] }),
      service('Other', { groups: [moduleOut('network', 'tasks_sg_id')] }),
    ],
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open'],
  },
  {
    name: 'tasks admit only the load balancer\'s group',
    resources: [sg('LBSG', [tcp(443, world)]), sg('TaskSG', [tcp(8080, { source: att('LBSG', 'GroupId') })]), ...alb([ref('LBSG')], 'HTTPS'), service('Service', { groups: [taskSgRef], targetGroup: TG })],
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open', 'lb/https-listener'],
  },
  {
    name: 'SSH open to the world on a group of the file',
    resources: [sg('Bastion', [tcp(22, world)])],
    expect: [{ rule: 'network/admin-port-open', at: 'Bastion:ingress.0.cidr', message: '^{Bastion}: .*SSH \\(port 22\\)' }],
  },
  {
    name: 'all traffic to a task group: one admin-port error, not also a world-ingress warning',
    resources: [sg('TaskSG', [allTraffic(world)]), service('Service', { groups: [taskSgRef] })],
    expect: [{ rule: 'network/admin-port-open', at: 'TaskSG:ingress.0.cidr', message: 'RDP \\(port 3389\\).*all traffic' }],
    silent: ['network/task-world-ingress'],
  },
  {
    name: 'all traffic open on a group the file does not attach (exported): its use is unknown; port 22 named is reported',
    resources: [sg('Exported', [allTraffic(world), tcp(22, world)])],
    expect: [{ rule: 'network/admin-port-open', at: 'Exported:ingress.1.cidr', message: 'SSH \\(port 22\\)' }],
  },
  {
    name: 'a group used only by a load balancer: all ports open is not SSH exposure',
    resources: [sg('LBSG', [allTraffic(world)]), ...alb([ref('LBSG')], 'HTTPS')],
    expect: [],
    silent: ['network/admin-port-open'],
  },
  // ---- lb/https-listener, lb/tls-policy, lb/access-logs ----
  {
    name: 'HTTP listener that redirects to HTTPS; internal HTTP listener; listeners of an imported and of an unknown load balancer',
    resources: [
      loadBalancer('LB', { groups: [] }), targetGroup('TG'),
      listener('Listener', ref('LB'), { protocol: 'HTTP', redirect: true }),
      loadBalancer('Internal', { internal: true, logs: 'none', subnets: ['subnet-1'] }),
      listener('InternalListener', ref('Internal'), { protocol: 'HTTP', forward: TG }),
      listener('Imported', data('aws_lb', 'shared', 'arn'), { protocol: 'HTTP', forward: TG }),
      listener('Unknown', local('LbArn'), { protocol: 'HTTP', forward: TG }),
    ],
    expect: [],
    silent: ['lb/https-listener', 'lb/access-logs'],
  },
  {
    name: 'HTTP listener forwarding while the load balancer also has an HTTPS listener with an outdated TLS policy',
    resources: [
      ...alb([]),
      listener('Https', ref('LB'), { protocol: 'HTTPS', policy: 'ELBSecurityPolicy-TLS-1-1-2017-01', certificate: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', forward: TG }),
    ],
    expect: [
      { rule: 'lb/https-listener', at: 'Listener:protocol', related: ['LB', 'Https'], message: '^{Listener}: .*Redirect HTTP to the HTTPS listener \\({Https}\\)' },
      { rule: 'lb/tls-policy', at: 'Https:policy', message: '^{Https}: (SslPolicy|ssl_policy) ELBSecurityPolicy-TLS-1-1-2017-01 accepts TLS 1\\.0/1\\.1' },
    ],
    fix: 'lb/tls-policy',
  },
  {
    name: 'an HTTP listener of a public load balancer and no HTTPS listener; TLS policies: 2016-08, from a parameter / variable',
    resources: [
      loadBalancer('LB'), targetGroup('TG'), listener('Listener', ref('LB'), { protocol: 'HTTP', forward: TG }),
      loadBalancer('Private', { internal: true }),
      listener('Old', ref('Private'), { protocol: 'HTTPS', policy: 'ELBSecurityPolicy-2016-08', forward: TG }),
      listener('Param', ref('Private'), { protocol: 'HTTPS', port: 8443, policy: param('Policy'), forward: TG }),
    ],
    expect: [
      { rule: 'lb/https-listener', at: 'Listener:protocol', related: ['LB'], message: 'Add an HTTPS listener with a certificate' },
      { rule: 'lb/tls-policy', at: 'Old:policy', message: { cfn: '^{Old}: SslPolicy ELBSecurityPolicy-2016-08 accepts TLS 1\\.0/1\\.1', tf: '^{Old}: ssl_policy ELBSecurityPolicy-2016-08 accepts TLS 1\\.0/1\\.1' } },
    ],
    fix: 'lb/tls-policy',
  },
  {
    name: 'the only HTTPS listener exists under a Condition: the advice is to add one',
    resources: [...alb([]), listener('Https', ref('LB'), { protocol: 'HTTPS', forward: TG, condition: 'EnableTls' })],
    expect: [{ rule: 'lb/https-listener', at: 'Listener:protocol', related: ['LB'], message: 'Add an HTTPS listener with a certificate' }],
    hosts: ['cfn'],
  },
  {
    name: 'public load balancers: no access log setting, access logs disabled, from a parameter / variable; an internal one',
    resources: [
      loadBalancer('Plain', { logs: 'none' }),
      loadBalancer('Off', { scheme: 'internet-facing', logs: false }),
      loadBalancer('Param', { logs: param('Logs') }),
      loadBalancer('Internal', { internal: true, logs: 'none' }),
    ],
    expect: [
      { rule: 'lb/access-logs', at: 'Plain', message: '^{Plain}: access logs are off' },
      { rule: 'lb/access-logs', at: 'Off:logs' },
    ],
  },
  // ---- ecr/*, cluster/container-insights ----
  {
    name: 'ECR repository with defaults (fix: scan on push)',
    resources: [repository('Repo', { repositoryName: 'web' })],
    expect: [
      { rule: 'ecr/immutable-tags', at: 'Repo', message: '(ImageTagMutability|image_tag_mutability) is not set \\(MUTABLE\\)' },
      { rule: 'ecr/scan-on-push', at: 'Repo' },
    ],
    fix: 'ecr/scan-on-push',
  },
  {
    name: 'ECR repository: explicit MUTABLE and scan on push false; both from parameters / variables',
    resources: [repository('Repo', { mutability: 'MUTABLE', scan: false }), repository('Other', { mutability: param('Mutability'), scan: param('Scan') })],
    expect: [
      { rule: 'ecr/immutable-tags', at: 'Repo:mutability' },
      { rule: 'ecr/scan-on-push', at: 'Repo:scan' },
    ],
    fix: 'ecr/scan-on-push',
  },
  {
    name: 'registry scanning in the file covers its repositories',
    resources: [repository('Repo', { mutability: 'IMMUTABLE' }), registryScanning('Scanning')],
    expect: [],
    silent: ['ecr/scan-on-push', 'ecr/immutable-tags'],
  },
  {
    name: 'CDK output: messages name the construct path',
    resources: [repository('Repo', { scan: true, cdkPath: 'Api/Images' })],
    expect: [{ rule: 'ecr/immutable-tags', at: 'Repo', message: '^{Repo}: ' }],
  },
  {
    name: 'clusters: no settings, disabled, from a parameter / variable',
    resources: [cluster('Plain'), cluster('Off', { insights: 'disabled' }), cluster('Param', { insights: param('Insights') })],
    expect: [
      { rule: 'cluster/container-insights', at: 'Plain', message: { cfn: 'Container Insights is off.*Add ClusterSettings \\[\\{Name: containerInsights', tf: 'Container Insights is off.*Add setting \\{ name = "containerInsights"' } },
      { rule: 'cluster/container-insights', at: 'Off:insights' },
    ],
  },
  // ---- cluster/exec-logging ----
  {
    name: 'ECS Exec on a service whose cluster logs nothing; services on an imported and on a data source cluster',
    resources: [
      cluster('Cluster', { insights: 'enabled', exec: { logging: 'NONE' } }),
      service('Service', { groups: ['sg-0123'], cluster: ref('Cluster'), exec: true }),
      service('Elsewhere', { groups: ['sg-0123'], cluster: data('aws_ecs_cluster', 'shared', 'arn'), exec: true }),
      service('Input', { groups: ['sg-0123'], cluster: param('ClusterArn'), exec: true }),
    ],
    expect: [{ rule: 'cluster/exec-logging', at: 'Service:exec', related: ['Cluster:logging'], message: 'cluster {Cluster} neither logs' }],
  },
  {
    name: 'ECS Exec with a KMS key, or with DEFAULT logging and awslogs everywhere',
    resources: [
      cluster('Cluster', { insights: 'enabled', exec: { logging: 'NONE', kms: param('Key') } }),
      cluster('Default', { insights: 'enhanced' }),
      taskDef('Task'),
      service('A', { groups: ['sg-0123'], cluster: ref('Cluster'), exec: true }),
      service('B', { groups: ['sg-0123'], cluster: ref('Default'), task: ref('Task'), exec: 'true' }),
    ],
    expect: [],
    silent: ['cluster/exec-logging', 'cluster/container-insights'],
  },
  // ---- role/* ----
  {
    name: 'task role with AdministratorAccess (built with the partition; attached by aws_iam_role_policy_attachment); execution role with S3 full access',
    resources: [
      role('TaskRole', { managed: [managed('AdministratorAccess')], attach: true }),
      role('ExecRole', { managed: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy', 'arn:aws:iam::aws:policy/AmazonS3FullAccess'] }),
      taskDef('Task', { taskRole: att('TaskRole', 'Arn'), execRole: att('ExecRole', 'Arn') }),
    ],
    expect: [
      {
        rule: 'role/admin-policy', at: 'TaskRole:managed.0', related: ['Task:taskRole'],
        message: { cfn: '^{TaskRole}: AdministratorAccess is attached to a role, .*{Task} \\(task role\\)', tf: '^aws_iam_role_policy_attachment\\.TaskRole_0: AdministratorAccess is attached to role {TaskRole}, which ECS tasks assume: {Task} \\(task role\\)' },
      },
      { rule: 'role/execution-role-scope', at: 'ExecRole:managed.1', related: ['Task:execRole'], message: '^{ExecRole}: AWS managed policy AmazonS3FullAccess' },
    ],
  },
  {
    name: 'execution role with an attached policy granting s3:PutObject; wildcards that only pull are fine',
    resources: [
      role('ExecRole', { inline: [{ name: 'pull', actions: ['ecr:GetDownloadUrl*', 'ecr:BatchGetImage', 'logs:PutLogEvents'] }] }),
      rolePolicy('Extra', ref('ExecRole'), ['secretsmanager:GetSecretValue', 's3:PutObject'], 'arn:aws:s3:::bucket/*'),
      taskDef('Task', { execRole: ref('ExecRole') }),
    ],
    expect: [{ rule: 'role/execution-role-scope', at: 'Extra:action.1', related: ['Task:execRole'], message: '^{Extra}: "s3:PutObject" is granted to the execution role of {Task} \\(execution role\\) \\(role {ExecRole}\\)' }],
  },
  {
    name: 'task role trusted by EC2',
    resources: [role('TaskRole', { principal: 'ec2.amazonaws.com' }), taskDef('Task', { taskRole: att('TaskRole', 'Arn') })],
    expect: [{ rule: 'role/task-trust', at: 'TaskRole:trust', related: ['Task:taskRole'], message: 'trusts ec2\\.amazonaws\\.com' }],
  },
  {
    name: 'unknown roles: policy ARN and principal from parameters / variables, ecs-tasks with the partition\'s DNS suffix, a role ARN input, a policy of an imported role',
    resources: [
      role('A', { managed: [param('PolicyArn')], principal: param('Principal') }),
      role('B', { principal: sub('ecs-tasks.${AWS::URLSuffix}', 'ecs-tasks.${data.aws_partition.current.dns_suffix}') }),
      taskDef('Task', { taskRole: att('A', 'Arn'), execRole: att('B', 'Arn') }),
      taskDef('Other', { taskRole: param('RoleArn'), execRole: local('ExecRoleArn') }),
      rolePolicy('Loose', data('aws_iam_role', 'shared'), ['*']),
      taskDef('Third', { execRole: data('aws_iam_role', 'shared', 'arn') }),
    ],
    expect: [],
    silent: ['role/admin-policy', 'role/task-trust', 'role/execution-role-scope'],
  },
  {
    name: 'unknown trust policy documents (Fn::If; a policy document data source) are not judged',
    resources: [
      role('TaskRole', { trust: new Both({ 'Fn::If': ['Prod', trustDoc('ecs-tasks.amazonaws.com'), trustDoc('ec2.amazonaws.com')] }, new Raw('data.aws_iam_policy_document.trust.json')) }),
      taskDef('Task', { taskRole: att('TaskRole', 'Arn') }),
    ],
    expect: [],
    silent: ['role/task-trust'],
  },
  // ---- instance/* ----
  {
    name: 'container instances of a capacity provider: IMDSv2 optional, hop limit 2',
    resources: [
      launchTemplate('LT', { tokens: 'optional', hop: 2, image: param('Ami') }),
      autoScalingGroup('Asg', 'LT'),
      capacityProvider('Provider', ref('Asg')),
      launchTemplate('Plain'),
    ],
    expect: [
      { rule: 'instance/imdsv2', at: 'LT:tokens', related: ['Provider'], message: { cfn: '^{LT}: HttpTokens is optional', tf: '^{LT}: http_tokens is optional' } },
      { rule: 'instance/imdsv2', at: 'LT:hop', related: ['Provider'], message: { cfn: 'HttpPutResponseHopLimit is 2', tf: 'http_put_response_hop_limit is 2' } },
    ],
    fix: 'instance/imdsv2',
  },
  {
    name: 'user data joins a cluster without blocking IMDS for awsvpc tasks on EC2',
    resources: [
      launchConfiguration('LC', { userData: joinsCluster }),
      taskDef('Task', { networkMode: 'awsvpc', compat: ['EC2'], family: false, containers: [{ logs: false }] }),
    ],
    expect: [
      { rule: 'instance/imdsv2', at: 'LC', related: ['LC:userData'], message: { cfn: 'HttpTokens is not set', tf: 'http_tokens is not set, so the AMI decides' } },
      { rule: 'instance/awsvpc-block-imds', at: 'LC:userData', related: ['Task:networkMode'], message: '{Task} runs in awsvpc mode on EC2' },
    ],
  },
  {
    name: 'unknown: HttpTokens from a parameter / variable; user data that already blocks IMDS; a provider of an imported group',
    resources: [
      launchTemplate('LT', { tokens: param('Tokens'), hop: 1, userData: blocksImds }),
      taskDef('Task', { networkMode: 'awsvpc', compat: ['EC2'], family: false, containers: [{ logs: false }] }),
      launchTemplate('Other', { tokens: 'optional' }),
      capacityProvider('Provider', data('aws_autoscaling_group', 'shared', 'arn')),
    ],
    expect: [],
    silent: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
  },
  // ---- vpc/* ----
  {
    name: 'a private VPC hosting a service: missing endpoints and flow log',
    resources: [
      vpc('Vpc', '10.0.0.0/16'), subnet('Subnet', ref('Vpc'), '10.0.0.0/24'),
      endpoint('EcrApi', ref('Vpc'), 'ecr.api'),
      taskDef('Task', { networkMode: 'awsvpc', family: false, containers: [{ image: ecrImage, secrets: ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db'] }] }),
      service('Service', { task: ref('Task'), subnets: [ref('Subnet')], groups: ['sg-0123'] }),
    ],
    expect: [
      { rule: 'vpc/private-endpoints', at: 'Vpc', related: ['Service'], message: 'lacks: ecr\\.dkr \\(pulling from ECR\\), s3 \\(image layers \\(a gateway endpoint\\)\\), logs \\(awslogs\\), secretsmanager' },
      { rule: 'vpc/flow-logs', at: 'Vpc', related: ['Service'], message: '^{Vpc}: no flow log .*hosts {Service}' },
    ],
  },
  {
    name: 'VPCs with a NAT gateway or an internet gateway and flow logs; an endpoint whose service is an input; a service in imported subnets',
    resources: [
      vpc('Vpc', '10.0.0.0/16'), subnet('Subnet', ref('Vpc'), '10.0.0.0/24'), natGateway('Nat', ref('Subnet')), flowLog('Log', { vpc: ref('Vpc') }),
      vpc('Vpc2', '10.1.0.0/16'), subnet('Subnet2', ref('Vpc2'), '10.1.0.0/24'), flowLog('Log2', { subnet: ref('Subnet2') }),
      endpoint('Endpoint', ref('Vpc2'), param('EndpointService')),
      vpc('Vpc3', '10.2.0.0/16'), subnet('Subnet3', ref('Vpc3'), '10.2.0.0/24'), internetGateway('Igw', ref('Vpc3')), flowLog('Log3', { vpc: ref('Vpc3') }),
      taskDef('Task', { family: false, containers: [{ image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', logs: false }] }),
      service('A', { task: ref('Task'), subnets: [ref('Subnet')] }),
      service('B', { task: ref('Task'), subnets: [ref('Subnet2')] }),
      service('C', { task: ref('Task'), subnets: [ref('Subnet3')] }),
      service('D', { task: ref('Task'), subnets: [data('aws_subnet', 'private')] }),
    ],
    expect: [],
    silent: ['vpc/private-endpoints', 'vpc/flow-logs'],
  },
  {
    name: 'flow logs of an unknown resource keep the rule silent',
    resources: [
      vpc('Vpc', '10.0.0.0/16'), subnet('Subnet', ref('Vpc'), '10.0.0.0/24'), flowLog('Log', { vpc: param('VpcId') }),
      service('Service', { subnets: [ref('Subnet')] }),
    ],
    expect: [],
    silent: ['vpc/flow-logs'],
  },
  // ---- mesh/* ----
  {
    name: 'Service Connect without TLS; App Mesh node with a permissive listener and unenforced backends',
    resources: [
      service('Service', { connect: [{ port: 'web', alias: 80 }] }),
      service('Secure', { connect: [{ port: 'api', tls: param('Ca') }] }),
      virtualNode('Node', { listeners: [{ port: 8080, mode: 'PERMISSIVE', certificate: param('Cert') }], backends: ['api.local'] }),
    ],
    expect: [
      { rule: 'mesh/service-connect-tls', at: 'Service:connect.0', message: { cfn: 'publishes "web" without Tls', tf: 'publishes "web" without a tls block' } },
      { rule: 'mesh/app-mesh-tls', at: 'Node:listener.0.mode', message: { cfn: 'TLS Mode PERMISSIVE', tf: 'tls mode PERMISSIVE' } },
      { rule: 'mesh/app-mesh-tls', at: 'Node:backends', message: 'do not enforce TLS' },
    ],
  },
  {
    name: 'Service Connect with TLS from an input; App Mesh: TLS mode from a parameter / variable, backends enforced',
    resources: [
      service('Secure', { connect: [{ port: 'api', alias: 443, tls: local('CaArn') }] }),
      virtualNode('Node', { listeners: [{ port: 8080, mode: param('Mode') }, { port: 9090, mode: 'STRICT' }], backends: ['api.local'], enforce: true }),
    ],
    expect: [],
    silent: ['mesh/service-connect-tls', 'mesh/app-mesh-tls'],
  },
  // ---- Terraform only ----
  {
    name: 'App Mesh: a TLS client policy without Enforce enforces (its default is true); a backend\'s own enforced policy counts; IMDS endpoint disabled',
    resources: [
      virtualNode('Defaults', { listeners: [{ port: 8080, mode: 'STRICT' }], backends: ['api.local'], enforce: 'default' }),
      virtualNode('Own', { listeners: [{ port: 8080, mode: 'STRICT' }], backends: ['api.local'], backendPolicy: true }),
      launchTemplate('LaunchTemplate', { endpoint: 'disabled', userData: blocksImds }),
    ],
    expect: [],
    silent: ['mesh/app-mesh-tls', 'instance/imdsv2'],
  },
  {
    name: 'Terraform: a dynamic ingress block is unknown',
    resources: [
      terraformOnly('aws_security_group', 'TaskSG', {
        name: 'tasks',
        dynamic: new Block({ for_each: new Raw('var.rules'), content: new Block({ from_port: new Raw('ingress.value.port'), to_port: new Raw('ingress.value.port'), protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }) }, ['ingress']),
      }),
      service('Service', { groups: [taskSgRef] }),
    ],
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open'],
    hosts: ['tf'],
  },
  {
    name: 'Terraform: count, a reference with an index resolves to the resource',
    resources: [
      terraformOnly('aws_security_group', 'TaskSG', {
        count: 2,
        ingress: [new Block({ from_port: 80, to_port: 80, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] })],
      }, { cidr: ['ingress', 0, 'cidr_blocks', 0] }),
      terraformOnly('aws_ecs_service', 'Service', {
        count: 2,
        network_configuration: new Block({ subnets: new Raw('var.subnets'), security_groups: [new Raw('aws_security_group.TaskSG[count.index].id')] }),
      }, { group: ['network_configuration', 'security_groups', 0] }),
    ],
    expect: [{ rule: 'network/task-world-ingress', at: 'TaskSG:cidr', related: ['Service:group'] }],
    hosts: ['tf'],
  },
];
