// Cross-resource cases for the deployment rules: each is a template (long-form intrinsics) and the findings expected,
// with the exact place of each finding and of its related locations, as paths into the template. Rendered as
// CloudFormation JSON, long-form YAML and short-form YAML by deployment.test.ts. Cases without `expect` entries for a
// rule assert that the rule is silent (unknown values: parameters, imports, other stacks).
import type { Path } from './deployment-render';

export interface At { path: Path; key?: boolean }
export interface Expected { rule: string; at: At; related?: At[]; message?: RegExp }
export interface DeploymentCase { name: string; template: Record<string, unknown>; expect: Expected[]; silent?: string[]; fix?: string }

const R = (id: string, ...rest: Path): Path => ['Resources', id, 'Properties', ...rest];
const key = (id: string): At => ({ path: ['Resources', id], key: true });
const ref = (id: string) => ({ Ref: id });
const att = (id: string, a: string) => ({ 'Fn::GetAtt': [id, a] });

type Res = Record<string, unknown>;
const tpl = (resources: Record<string, Res>, parameters?: Record<string, unknown>) => ({
  AWSTemplateFormatVersion: '2010-09-09',
  ...(parameters ? { Parameters: parameters } : {}),
  Resources: resources,
});

const sg = (ingress: Res[]): Res => ({ Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'sg', VpcId: 'vpc-1234', SecurityGroupIngress: ingress } });
const tcp = (port: number, src: Res) => ({ IpProtocol: 'tcp', FromPort: port, ToPort: port, ...src });
const service = (groups: unknown[], extra: Res = {}): Res => ({
  Type: 'AWS::ECS::Service',
  Properties: { Cluster: 'prod', TaskDefinition: 'web:1', ...extra, NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: groups } } },
});
/** An ALB (internet-facing unless `scheme` says otherwise) with a forwarding listener on `protocol`, and its target group. */
const alb = (groups: unknown[], protocol = 'HTTP', scheme?: string): Record<string, Res> => ({
  LB: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { ...(scheme ? { Scheme: scheme } : {}), Subnets: ['subnet-1', 'subnet-2'], SecurityGroups: groups, LoadBalancerAttributes: ACCESS_LOGS } },
  TG: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip', VpcId: 'vpc-1234' } },
  Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('LB'), Port: protocol === 'HTTP' ? 80 : 443, Protocol: protocol, DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
});
const ACCESS_LOGS = [{ Key: 'access_logs.s3.enabled', Value: 'true' }, { Key: 'access_logs.s3.bucket', Value: 'logs-bucket' }];
const behindTg = { LoadBalancers: [{ TargetGroupArn: ref('TG'), ContainerName: 'app', ContainerPort: 8080 }] };
const trust = (svc: unknown) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: svc }, Action: 'sts:AssumeRole' }] });
const role = (extra: Res = {}, principal: unknown = 'ecs-tasks.amazonaws.com'): Res => ({ Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust(principal), ...extra } });
const taskDef = (roles: Res): Res => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { Family: 'web', NetworkMode: 'awsvpc', ...roles, ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27', Essential: true, LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' } } }] },
});
const managed = (name: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${name}` });

export const DEPLOYMENT_CASES: DeploymentCase[] = [
  {
    name: 'tasks behind an ALB admit the internet (inline rule)',
    template: tpl({ LBSG: sg([tcp(443, { CidrIp: '0.0.0.0/0' })]), TaskSG: sg([tcp(8080, { CidrIp: '0.0.0.0/0' })]), ...alb([att('LBSG', 'GroupId')]), Service: service([ref('TaskSG')], behindTg) }),
    expect: [{
      rule: 'network/task-world-ingress', at: { path: R('TaskSG', 'SecurityGroupIngress', 0, 'CidrIp') },
      related: [{ path: R('Service', 'NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups', 0) }, key('LBSG')],
      message: /^TaskSG: .*0\.0\.0\.0\/0 on port 8080.*tasks of Service\. Behind the load balancer, admit only its security group \(LBSG\)/,
    }, { rule: 'lb/https-listener', at: { path: R('Listener', 'Protocol') }, related: [key('LB')], message: /internet-facing load balancer LB/ }],
    fix: 'network/task-world-ingress',
  },
  {
    name: 'IPv6 world ingress added by an AWS::EC2::SecurityGroupIngress resource',
    template: tpl({ TaskSG: sg([]), Open: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: att('TaskSG', 'GroupId'), IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIpv6: '::/0' } }, Service: service([att('TaskSG', 'GroupId')]) }),
    expect: [{ rule: 'network/task-world-ingress', at: { path: R('Open', 'CidrIpv6') }, related: [{ path: R('Service', 'NetworkConfiguration', 'AwsvpcConfiguration', 'SecurityGroups', 0) }], message: /^Open: this rule of security group TaskSG admits ::\/0/ }],
  },
  {
    name: 'unknown: the CIDR is a parameter, the service\'s group is imported',
    template: tpl({ TaskSG: sg([tcp(8080, { CidrIp: ref('AllowedCidr') })]), Service: service([ref('TaskSG'), { 'Fn::ImportValue': 'shared-sg' }]), Other: service([{ 'Fn::ImportValue': 'open-sg' }]) }, { AllowedCidr: { Type: 'String' } }),
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open'],
  },
  {
    name: 'tasks admit only the load balancer\'s group',
    template: tpl({ LBSG: sg([tcp(443, { CidrIp: '0.0.0.0/0' })]), TaskSG: sg([tcp(8080, { SourceSecurityGroupId: att('LBSG', 'GroupId') })]), ...alb([ref('LBSG')], 'HTTPS'), Service: service([ref('TaskSG')], behindTg) }),
    expect: [],
    silent: ['network/task-world-ingress', 'network/admin-port-open', 'lb/https-listener'],
  },
  {
    name: 'SSH open to the world on a group of the file',
    template: tpl({ Bastion: sg([tcp(22, { CidrIp: '0.0.0.0/0' })]) }),
    expect: [{ rule: 'network/admin-port-open', at: { path: R('Bastion', 'SecurityGroupIngress', 0, 'CidrIp') }, message: /^Bastion: .*SSH \(port 22\)/ }],
  },
  {
    name: 'all traffic to a task group: one admin-port error, not also a world-ingress warning',
    template: tpl({ TaskSG: sg([{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]), Service: service([ref('TaskSG')]) }),
    expect: [{ rule: 'network/admin-port-open', at: { path: R('TaskSG', 'SecurityGroupIngress', 0, 'CidrIp') }, message: /RDP \(port 3389\).*all traffic/ }],
    silent: ['network/task-world-ingress'],
  },
  {
    name: 'all traffic open on a group the template does not attach (exported): its use is unknown; port 22 named is reported',
    template: tpl({ Exported: sg([{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }, tcp(22, { CidrIp: '0.0.0.0/0' })]) }),
    expect: [{ rule: 'network/admin-port-open', at: { path: R('Exported', 'SecurityGroupIngress', 1, 'CidrIp') }, message: /SSH \(port 22\)/ }],
  },
  {
    name: 'a group used only by a load balancer: all ports open is not SSH exposure',
    template: tpl({ LBSG: sg([{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }]), ...alb([ref('LBSG')], 'HTTPS') }),
    expect: [],
    silent: ['network/admin-port-open'],
  },
  {
    name: 'HTTP listener that redirects to HTTPS; internal HTTP listener; listener of an imported load balancer',
    template: tpl({
      ...alb([]),
      Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('LB'), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }] } },
      Internal: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal', Subnets: ['subnet-1'] } },
      InternalListener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('Internal'), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
      Imported: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: { 'Fn::ImportValue': 'lb-arn' }, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
    }),
    expect: [],
    silent: ['lb/https-listener'],
  },
  {
    name: 'HTTP listener forwarding while the load balancer also has an HTTPS listener',
    template: tpl({
      ...alb([]),
      Https: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('LB'), Port: 443, Protocol: 'HTTPS', SslPolicy: 'ELBSecurityPolicy-TLS-1-1-2017-01', Certificates: [{ CertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' }], DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
    }),
    expect: [
      { rule: 'lb/https-listener', at: { path: R('Listener', 'Protocol') }, related: [key('LB'), key('Https')], message: /Redirect HTTP to the HTTPS listener \(Https\)/ },
      { rule: 'lb/tls-policy', at: { path: R('Https', 'SslPolicy') }, message: /ELBSecurityPolicy-TLS-1-1-2017-01 accepts TLS 1\.0\/1\.1/ },
    ],
    fix: 'lb/tls-policy',
  },
  {
    name: 'TLS policy from a parameter',
    template: tpl({ ...alb([], 'HTTPS'), Listener: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Properties: { LoadBalancerArn: ref('LB'), Port: 443, Protocol: 'HTTPS', SslPolicy: ref('Policy'), DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } } }, { Policy: { Type: 'String' } }),
    expect: [],
    silent: ['lb/tls-policy', 'lb/https-listener'],
  },
  {
    name: 'ECR repository with defaults (fix: scan on push)',
    template: tpl({ Repo: { Type: 'AWS::ECR::Repository', Properties: { RepositoryName: 'web' } } }),
    expect: [
      { rule: 'ecr/immutable-tags', at: key('Repo'), message: /not set \(MUTABLE\)/ },
      { rule: 'ecr/scan-on-push', at: key('Repo') },
    ],
    fix: 'ecr/scan-on-push',
  },
  {
    name: 'ECR repository: explicit MUTABLE and ScanOnPush false; scanning from a parameter',
    template: tpl({
      Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'MUTABLE', ImageScanningConfiguration: { ScanOnPush: false } } },
      Other: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: ref('Mutability'), ImageScanningConfiguration: { ScanOnPush: ref('Scan') } } },
    }, { Mutability: { Type: 'String' }, Scan: { Type: 'String' } }),
    expect: [
      { rule: 'ecr/immutable-tags', at: { path: R('Repo', 'ImageTagMutability') } },
      { rule: 'ecr/scan-on-push', at: { path: R('Repo', 'ImageScanningConfiguration', 'ScanOnPush') } },
    ],
    fix: 'ecr/scan-on-push',
  },
  {
    name: 'registry scanning in the template covers its repositories',
    template: tpl({ Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageTagMutability: 'IMMUTABLE' } }, Scanning: { Type: 'AWS::ECR::RegistryScanningConfiguration', Properties: { ScanType: 'BASIC', Rules: [{ ScanFrequency: 'SCAN_ON_PUSH', RepositoryFilters: [{ Filter: '*', FilterType: 'WILDCARD' }] }] } } }),
    expect: [],
    silent: ['ecr/scan-on-push', 'ecr/immutable-tags'],
  },
  {
    name: 'clusters: no settings, disabled, from a parameter',
    template: tpl({
      Plain: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'plain' } },
      Off: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }] } },
      Param: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: ref('Insights') }] } },
    }, { Insights: { Type: 'String' } }),
    expect: [
      { rule: 'cluster/container-insights', at: key('Plain') },
      { rule: 'cluster/container-insights', at: { path: R('Off', 'ClusterSettings', 0, 'Value') } },
    ],
  },
  {
    name: 'ECS Exec on a service whose cluster logs nothing; a service on an imported cluster',
    template: tpl({
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }], Configuration: { ExecuteCommandConfiguration: { Logging: 'NONE' } } } },
      Service: service(['sg-0123'], { Cluster: ref('Cluster'), EnableExecuteCommand: true }),
      Elsewhere: service(['sg-0123'], { Cluster: { 'Fn::ImportValue': 'cluster' }, EnableExecuteCommand: true }),
    }),
    expect: [{ rule: 'cluster/exec-logging', at: { path: R('Service', 'EnableExecuteCommand') }, related: [{ path: R('Cluster', 'Configuration', 'ExecuteCommandConfiguration', 'Logging') }], message: /cluster Cluster neither logs/ }],
  },
  {
    name: 'ECS Exec with a KMS key, or with DEFAULT logging and awslogs everywhere',
    template: tpl({
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }], Configuration: { ExecuteCommandConfiguration: { Logging: 'NONE', KmsKeyId: ref('Key') } } } },
      Default: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enhanced' }] } },
      Task: taskDef({}),
      A: service(['sg-0123'], { Cluster: ref('Cluster'), EnableExecuteCommand: true }),
      B: service(['sg-0123'], { Cluster: ref('Default'), TaskDefinition: ref('Task'), EnableExecuteCommand: 'true' }),
    }, { Key: { Type: 'String' } }),
    expect: [],
    silent: ['cluster/exec-logging', 'cluster/container-insights'],
  },
  {
    name: 'task role with AdministratorAccess (built with ${AWS::Partition}); execution role with S3 full access',
    template: tpl({
      TaskRole: role({ ManagedPolicyArns: [managed('AdministratorAccess')] }),
      ExecRole: role({ ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy', 'arn:aws:iam::aws:policy/AmazonS3FullAccess'] }),
      Task: taskDef({ TaskRoleArn: att('TaskRole', 'Arn'), ExecutionRoleArn: att('ExecRole', 'Arn') }),
    }),
    expect: [
      { rule: 'role/admin-policy', at: { path: R('TaskRole', 'ManagedPolicyArns', 0) }, related: [{ path: R('Task', 'TaskRoleArn') }], message: /^TaskRole: AdministratorAccess .*Task \(task role\)/ },
      { rule: 'role/execution-role-scope', at: { path: R('ExecRole', 'ManagedPolicyArns', 1) }, related: [{ path: R('Task', 'ExecutionRoleArn') }], message: /AmazonS3FullAccess/ },
    ],
  },
  {
    name: 'execution role with an attached policy granting s3:PutObject; wildcards that only pull are fine',
    template: tpl({
      ExecRole: role({ Policies: [{ PolicyName: 'pull', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecr:GetDownloadUrl*', 'ecr:BatchGetImage', 'logs:PutLogEvents'], Resource: '*' }] } }] }),
      Extra: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'extra', Roles: [ref('ExecRole')], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue', 's3:PutObject'], Resource: 'arn:aws:s3:::bucket/*' }] } } },
      Task: taskDef({ ExecutionRoleArn: ref('ExecRole') }),
    }),
    expect: [{ rule: 'role/execution-role-scope', at: { path: R('Extra', 'PolicyDocument', 'Statement', 0, 'Action', 1) }, related: [{ path: R('Task', 'ExecutionRoleArn') }], message: /^Extra: "s3:PutObject" .*\(role ExecRole\)/ }],
  },
  {
    name: 'task role trusted by EC2',
    template: tpl({ TaskRole: role({}, 'ec2.amazonaws.com'), Task: taskDef({ TaskRoleArn: att('TaskRole', 'Arn') }) }),
    expect: [{ rule: 'role/task-trust', at: { path: ['Resources', 'TaskRole', 'Properties', 'AssumeRolePolicyDocument'], key: true }, related: [{ path: R('Task', 'TaskRoleArn') }], message: /trusts ec2\.amazonaws\.com/ }],
  },
  {
    name: 'unknown roles: a parameter role, a principal from a parameter, ecs-tasks via ${AWS::URLSuffix}',
    template: tpl({
      A: role({ ManagedPolicyArns: [ref('PolicyArn')] }, ref('Principal')),
      B: role({}, { 'Fn::Sub': 'ecs-tasks.${AWS::URLSuffix}' }),
      Task: taskDef({ TaskRoleArn: att('A', 'Arn'), ExecutionRoleArn: att('B', 'Arn') }),
      Other: taskDef({ TaskRoleArn: ref('RoleArn') }),
    }, { PolicyArn: { Type: 'String' }, Principal: { Type: 'String' }, RoleArn: { Type: 'String' } }),
    expect: [],
    silent: ['role/admin-policy', 'role/task-trust', 'role/execution-role-scope'],
  },
  {
    name: 'CDK output: messages name the construct path',
    template: tpl({
      Repo: { Type: 'AWS::ECR::Repository', Properties: { ImageScanningConfiguration: { ScanOnPush: true } }, Metadata: { 'aws:cdk:path': 'Api/Images/Resource' } },
    }),
    expect: [{ rule: 'ecr/immutable-tags', at: key('Repo'), message: /^Api\/Images: / }],
  },
  {
    name: 'container instances of a capacity provider: IMDSv2 optional, hop limit 2',
    template: tpl({
      LT: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: ref('Ami'), MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 2 } } } },
      Asg: { Type: 'AWS::AutoScaling::AutoScalingGroup', Properties: { MinSize: '1', MaxSize: '2', LaunchTemplate: { LaunchTemplateId: ref('LT'), Version: att('LT', 'LatestVersionNumber') } } },
      Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: ref('Asg') } } },
      Plain: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { ImageId: 'ami-12345678' } } },
    }, { Ami: { Type: 'String' } }),
    expect: [
      { rule: 'instance/imdsv2', at: { path: R('LT', 'LaunchTemplateData', 'MetadataOptions', 'HttpTokens') }, related: [key('Provider')], message: /^LT: HttpTokens is optional/ },
      { rule: 'instance/imdsv2', at: { path: R('LT', 'LaunchTemplateData', 'MetadataOptions', 'HttpPutResponseHopLimit') }, related: [key('Provider')], message: /HttpPutResponseHopLimit is 2/ },
    ],
    fix: 'instance/imdsv2',
  },
  {
    name: 'user data joins a cluster without blocking IMDS for awsvpc tasks on EC2',
    template: tpl({
      LC: { Type: 'AWS::AutoScaling::LaunchConfiguration', Properties: { ImageId: 'ami-12345678', InstanceType: 't3.small', UserData: { 'Fn::Base64': { 'Fn::Sub': '#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n' } } } },
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'awsvpc', RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27' }] } },
    }),
    expect: [
      { rule: 'instance/imdsv2', at: key('LC'), related: [{ path: R('LC', 'UserData') }], message: /HttpTokens is not set/ },
      { rule: 'instance/awsvpc-block-imds', at: { path: R('LC', 'UserData') }, related: [{ path: R('Task', 'NetworkMode'), key: true }], message: /Task runs in awsvpc mode on EC2/ },
    ],
  },
  {
    name: 'unknown: HttpTokens from a parameter; user data that already blocks IMDS',
    template: tpl({
      LT: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: ref('Tokens'), HttpPutResponseHopLimit: 1 }, UserData: { 'Fn::Base64': 'echo ECS_CLUSTER=prod >> /etc/ecs/ecs.config; echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config' } } } },
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'awsvpc', RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27' }] } },
    }, { Tokens: { Type: 'String' } }),
    expect: [],
    silent: ['instance/imdsv2', 'instance/awsvpc-block-imds'],
  },
  {
    name: 'public load balancers: no attributes, access logs disabled, from a parameter; an internal one',
    template: tpl({
      Plain: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Subnets: ['subnet-1', 'subnet-2'] } },
      Off: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internet-facing', LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: 'false' }] } },
      Param: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { LoadBalancerAttributes: [{ Key: 'access_logs.s3.enabled', Value: ref('Logs') }] } },
      Internal: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Scheme: 'internal' } },
    }, { Logs: { Type: 'String' } }),
    expect: [
      { rule: 'lb/access-logs', at: key('Plain') },
      { rule: 'lb/access-logs', at: { path: R('Off', 'LoadBalancerAttributes', 0, 'Value') } },
    ],
  },
  {
    name: 'a private VPC hosting a service: missing endpoints and flow log',
    template: tpl({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
      EcrApi: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc'), ServiceName: { 'Fn::Sub': 'com.amazonaws.${AWS::Region}.ecr.api' }, VpcEndpointType: 'Interface' } },
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'awsvpc', ContainerDefinitions: [{
        Name: 'app', Image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0' },
        LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'app', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'app' } },
        Secrets: [{ Name: 'DB', ValueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db' }],
      }] } },
      Service: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: ref('Task'), NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('Subnet')], SecurityGroups: ['sg-0123'] } } } },
    }),
    expect: [
      { rule: 'vpc/private-endpoints', at: key('Vpc'), related: [key('Service')], message: /lacks: ecr\.dkr \(pulling from ECR\), s3 \(image layers \(a gateway endpoint\)\), logs \(awslogs\), secretsmanager/ },
      { rule: 'vpc/flow-logs', at: key('Vpc'), related: [key('Service')], message: /^Vpc: no flow log .*hosts Service/ },
    ],
  },
  {
    name: 'VPCs with a NAT gateway and a flow log; an endpoint whose service is a parameter',
    template: tpl({
      Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
      Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
      Nat: { Type: 'AWS::EC2::NatGateway', Properties: { SubnetId: ref('Subnet'), AllocationId: 'eipalloc-1' } },
      Log: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: ref('Vpc'), ResourceType: 'VPC', TrafficType: 'ALL' } },
      Vpc2: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.1.0.0/16' } },
      Subnet2: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc2'), CidrBlock: '10.1.0.0/24' } },
      Log2: { Type: 'AWS::EC2::FlowLog', Properties: { ResourceId: ref('Subnet2'), ResourceType: 'Subnet', TrafficType: 'ALL' } },
      Endpoint: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: ref('Vpc2'), ServiceName: ref('EndpointService') } },
      Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0' }] } },
      A: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: ref('Task'), NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('Subnet')] } } } },
      B: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: ref('Task'), NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('Subnet2')] } } } },
    }, { EndpointService: { Type: 'String' } }),
    expect: [],
    silent: ['vpc/private-endpoints', 'vpc/flow-logs'],
  },
  {
    name: 'Service Connect without TLS; App Mesh node with a permissive listener and unenforced backends',
    template: tpl({
      Service: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'web:1', ServiceConnectConfiguration: { Enabled: true, Namespace: 'internal', Services: [{ PortName: 'web', ClientAliases: [{ Port: 80 }] }] } } },
      Secure: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: 'web:1', ServiceConnectConfiguration: { Enabled: true, Services: [{ PortName: 'api', Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: ref('Ca') } } }] } } },
      Node: { Type: 'AWS::AppMesh::VirtualNode', Properties: { MeshName: 'mesh', Spec: {
        Listeners: [{ PortMapping: { Port: 8080, Protocol: 'http' }, TLS: { Mode: 'PERMISSIVE', Certificate: { ACM: { CertificateArn: ref('Cert') } } } }],
        Backends: [{ VirtualService: { VirtualServiceName: 'api.local' } }],
      } } },
    }, { Ca: { Type: 'String' }, Cert: { Type: 'String' } }),
    expect: [
      { rule: 'mesh/service-connect-tls', at: { path: R('Service', 'ServiceConnectConfiguration', 'Services', 0, 'PortName'), key: true }, message: /publishes "web" without Tls/ },
      { rule: 'mesh/app-mesh-tls', at: { path: R('Node', 'Spec', 'Listeners', 0, 'TLS', 'Mode') }, message: /TLS Mode PERMISSIVE/ },
      { rule: 'mesh/app-mesh-tls', at: { path: R('Node', 'Spec', 'Backends'), key: true }, message: /do not enforce TLS/ },
    ],
  },
  {
    name: 'App Mesh: a TLS client policy without Enforce enforces (its default is true); a backend\'s own enforced policy counts; HttpEndpoint disabled',
    template: tpl({
      Defaults: { Type: 'AWS::AppMesh::VirtualNode', Properties: { MeshName: 'mesh', Spec: {
        Listeners: [{ PortMapping: { Port: 8080, Protocol: 'http' }, TLS: { Mode: 'STRICT', Certificate: { ACM: { CertificateArn: ref('Cert') } } } }],
        Backends: [{ VirtualService: { VirtualServiceName: 'api.local' } }],
        BackendDefaults: { ClientPolicy: { TLS: { Validation: { Trust: { ACM: { CertificateAuthorityArns: [ref('Ca')] } } } } } },
      } } },
      Own: { Type: 'AWS::AppMesh::VirtualNode', Properties: { MeshName: 'mesh', Spec: {
        Listeners: [{ PortMapping: { Port: 8080, Protocol: 'http' }, TLS: { Mode: 'STRICT', Certificate: { ACM: { CertificateArn: ref('Cert') } } } }],
        Backends: [{ VirtualService: { VirtualServiceName: 'api.local', ClientPolicy: { TLS: { Enforce: true, Validation: { Trust: { ACM: { CertificateAuthorityArns: [ref('Ca')] } } } } } } }],
      } } },
      LaunchTemplate: { Type: 'AWS::EC2::LaunchTemplate', Properties: { LaunchTemplateData: { MetadataOptions: { HttpEndpoint: 'disabled' },
        UserData: { 'Fn::Base64': '#!/bin/bash\necho ECS_CLUSTER=prod >> /etc/ecs/ecs.config\n' } } } },
    }, { Ca: { Type: 'String' }, Cert: { Type: 'String' } }),
    expect: [],
    silent: ['mesh/app-mesh-tls', 'instance/imdsv2'],
  },
  {
    name: 'the only HTTPS listener exists under a Condition: the advice is to add one',
    template: tpl({
      ...alb([]),
      Https: { Type: 'AWS::ElasticLoadBalancingV2::Listener', Condition: 'EnableTls', Properties: { LoadBalancerArn: ref('LB'), Port: 443, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('TG') }] } },
    }),
    expect: [{ rule: 'lb/https-listener', at: { path: R('Listener', 'Protocol') }, related: [key('LB')], message: /Add an HTTPS listener with a certificate/ }],
  },
  {
    name: 'unknown trust policy documents (Fn::If) are not judged',
    template: tpl({
      TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { 'Fn::If': ['Prod', trust('ecs-tasks.amazonaws.com'), trust('ec2.amazonaws.com')] } } },
      Task: taskDef({ TaskRoleArn: att('TaskRole', 'Arn') }),
    }),
    expect: [],
    silent: ['role/task-trust'],
  },
];
