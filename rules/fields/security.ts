// Which rules watch which API field, so hovering a field explains its security meaning even when the current
// value is harmless (e.g. `"privileged": false`). Keyed by "Shape.member" of the ECS model; the describe-output
// and update-service shapes share the entries of the shapes they mirror.
export const WATCHED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'RegisterTaskDefinitionRequest.networkMode': ['task/no-host-network', 'task/awsvpc-network-mode'],
  'RegisterTaskDefinitionRequest.pidMode': ['task/no-host-pid'],
  'RegisterTaskDefinitionRequest.ipcMode': ['task/no-host-ipc'],
  'RegisterTaskDefinitionRequest.taskRoleArn': ['task/role-arn-format', 'task/separate-roles'],
  'RegisterTaskDefinitionRequest.executionRoleArn': ['task/role-arn-format', 'task/separate-roles'],
  'RegisterTaskDefinitionRequest.requiresCompatibilities': ['task/fargate-compat'],
  'RegisterTaskDefinitionRequest.volumes': ['task/no-sensitive-host-mounts', 'task/efs-transit-encryption'],
  'ContainerDefinition.privileged': ['task/no-privileged'],
  'ContainerDefinition.readonlyRootFilesystem': ['task/readonly-root-filesystem'],
  'ContainerDefinition.user': ['task/non-root-user', 'task/windows-non-admin-user'],
  'ContainerDefinition.image': ['task/image-pinned'],
  'ContainerDefinition.environment': ['task/no-plaintext-secrets'],
  'ContainerDefinition.secrets': ['task/secret-reference-format'],
  'Secret.valueFrom': ['task/secret-reference-format'],
  'ContainerDefinition.logConfiguration': ['task/logging-configured'],
  'LogConfiguration.logDriver': ['task/logging-configured'],
  'ContainerDefinition.portMappings': ['task/no-ssh-port', 'task/awsvpc-host-port'],
  'PortMapping.containerPort': ['task/no-ssh-port'],
  'PortMapping.hostPort': ['task/awsvpc-host-port', 'task/no-ssh-port'],
  'ContainerDefinition.linuxParameters': ['task/drop-all-capabilities', 'task/no-dangerous-capabilities', 'task/no-host-devices'],
  'LinuxParameters.capabilities': ['task/drop-all-capabilities', 'task/no-dangerous-capabilities'],
  'KernelCapabilities.add': ['task/no-dangerous-capabilities'],
  'KernelCapabilities.drop': ['task/drop-all-capabilities'],
  'LinuxParameters.devices': ['task/no-host-devices'],
  'ContainerDefinition.dockerSecurityOptions': ['task/no-new-privileges', 'task/no-unconfined-security-options'],
  'ContainerDefinition.mountPoints': ['task/no-sensitive-host-mounts'],
  'Volume.host': ['task/no-sensitive-host-mounts'],
  'HostVolumeProperties.sourcePath': ['task/no-sensitive-host-mounts'],
  'Volume.efsVolumeConfiguration': ['task/efs-transit-encryption'],
  'EFSVolumeConfiguration.transitEncryption': ['task/efs-transit-encryption'],
  'CreateServiceRequest.enableExecuteCommand': ['service/no-execute-command'],
  'CreateServiceRequest.platformVersion': ['service/fargate-platform-version'],
  'AwsVpcConfiguration.assignPublicIp': ['service/no-public-ip'],
};

const ALIASES: Readonly<Record<string, string>> = {
  TaskDefinition: 'RegisterTaskDefinitionRequest',
  UpdateServiceRequest: 'CreateServiceRequest',
};

/** Rule ids that watch `shape.member` (empty when none). */
export function watchingRules(shape: string, member: string): readonly string[] {
  return WATCHED_FIELDS[`${ALIASES[shape] ?? shape}.${member}`] ?? [];
}
