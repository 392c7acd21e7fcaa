// One table of cases, rendered by test/unit/hosts.test.ts as raw API JSON, CloudFormation JSON, CloudFormation YAML
// and Terraform. `at` is what each finding's host range must show (compared case-insensitively, quotes ignored);
// `tfAt` when Terraform spells it differently.
import type { DocumentKind } from '../../rules';

export interface HostCase {
  name: string;
  kind: DocumentKind;
  /** The document as the API spells it (register-task-definition input, create-service input, or a policy). */
  doc: Record<string, unknown>;
  expect: { rule: string; at: string; tfAt?: string }[];
  /** Rules whose first fix must remove the finding in every host. */
  fix?: string[];
  /** Rules whose fix Terraform does not offer (the change has no safe HCL equivalent), asserted absent. */
  noTfFix?: string[];
}

const hardened = {
  name: 'web',
  image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web@sha256:' + 'a'.repeat(64),
  essential: true,
  user: '1000:1000',
  readonlyRootFilesystem: true,
  linuxParameters: { capabilities: { drop: ['ALL'] }, initProcessEnabled: true },
  dockerSecurityOptions: ['no-new-privileges'],
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'web' } },
};

function task(container: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    family: 'web',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['EC2'],
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    executionRoleArn: 'arn:aws:iam::123456789012:role/web-exec',
    containerDefinitions: [{ ...hardened, ...container }],
    ...extra,
  };
}

export const HOST_CASES: HostCase[] = [
  { name: 'a hardened task', kind: 'task-definition', doc: task({}), expect: [] },
  { name: 'privileged', kind: 'task-definition', doc: task({ privileged: true }), expect: [{ rule: 'task/no-privileged', at: 'privileged' }], fix: ['task/no-privileged'] },
  {
    name: 'writable root filesystem', kind: 'task-definition', doc: task({ readonlyRootFilesystem: false }),
    expect: [{ rule: 'task/readonly-root-filesystem', at: 'readonlyRootFilesystem' }], fix: ['task/readonly-root-filesystem'],
  },
  {
    name: 'plaintext secret', kind: 'task-definition', doc: task({ environment: [{ name: 'STAGE', value: 'prod' }, { name: 'DB_PASSWORD', value: 'hunter2hunter2' }] }),
    expect: [{ rule: 'task/no-plaintext-secrets', at: 'DB_PASSWORD' }], fix: ['task/no-plaintext-secrets'],
  },
  {
    name: 'dangerous capability', kind: 'task-definition',
    doc: task({ linuxParameters: { capabilities: { add: ['SYS_ADMIN'], drop: ['ALL'] }, initProcessEnabled: true } }),
    expect: [{ rule: 'task/no-dangerous-capabilities', at: 'SYS_ADMIN' }],
  },
  {
    name: 'EFS without transit encryption', kind: 'task-definition',
    doc: task({ mountPoints: [{ sourceVolume: 'data', containerPath: '/data' }] }, { volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'DISABLED' } }] }),
    expect: [{ rule: 'task/efs-transit-encryption', at: 'DISABLED' }], fix: ['task/efs-transit-encryption'],
  },
  { name: 'host PID namespace', kind: 'task-definition', doc: task({}, { pidMode: 'host' }), expect: [{ rule: 'task/no-host-pid', at: 'host' }] },
  { name: 'no user', kind: 'task-definition', doc: task({ user: undefined }), expect: [{ rule: 'task/non-root-user', at: 'web' }], fix: ['task/non-root-user'] },
  {
    name: 'service with a public IP', kind: 'service-definition',
    doc: {
      serviceName: 'web', cluster: 'prod', taskDefinition: 'web:3', launchType: 'FARGATE', platformVersion: 'LATEST', desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-12345678'], securityGroups: ['sg-12345678'], assignPublicIp: 'ENABLED' } },
    },
    // Terraform's assign_public_ip is a bool: the finding points at `true`, and no fix writes "DISABLED" there.
    expect: [{ rule: 'service/no-public-ip', at: 'ENABLED', tfAt: 'true' }], fix: ['service/no-public-ip'], noTfFix: ['service/no-public-ip'],
  },
  {
    name: 'identity policy with wildcards', kind: 'identity-policy',
    doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    expect: [{ rule: 'iam/wildcard-action', at: 's3:*' }, { rule: 'iam/wildcard-resource', at: '*' }],
  },
  {
    name: 'trust policy without confused-deputy conditions', kind: 'trust-policy',
    doc: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    expect: [{ rule: 'trust/confused-deputy', at: 'ecs-tasks.amazonaws.com' }], fix: ['trust/confused-deputy'],
  },
  {
    name: 'full-access endpoint policy', kind: 'endpoint-policy',
    doc: { Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
    expect: [{ rule: 'endpoint/full-access', at: '*' }, { rule: 'iam/version', at: 'Statement' }],
  },
  {
    name: 'public ECR repository policy', kind: 'ecr-repository-policy',
    doc: { Version: '2012-10-17', Statement: [{ Sid: 'pull', Effect: 'Allow', Principal: '*', Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] }] },
    expect: [{ rule: 'ecr/public-principal', at: '*' }],
  },
];
