// Task and container definition rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { noPrivileged } from './no-privileged';
import { noPlaintextSecrets } from './no-plaintext-secrets';
import { secretReferenceFormat } from './secret-reference-format';
import { readonlyRootFilesystem } from './readonly-root-filesystem';
import { nonRootUser } from './non-root-user';
import { windowsNonAdminUser } from './windows-non-admin-user';
import { noDangerousCapabilities } from './no-dangerous-capabilities';
import { dropAllCapabilities } from './drop-all-capabilities';
import { noSensitiveHostMounts } from './no-sensitive-host-mounts';
import { noHostDevices } from './no-host-devices';
import { noUnconfinedSecurityOptions } from './no-unconfined-security-options';
import { noNewPrivileges } from './no-new-privileges';
import { noHostNetwork } from './no-host-network';
import { awsvpcNetworkMode } from './awsvpc-network-mode';
import { fargateCompat } from './fargate-compat';
import { noHostPid } from './no-host-pid';
import { noHostIpc } from './no-host-ipc';
import { efsTransitEncryption } from './efs-transit-encryption';
import { separateRoles } from './separate-roles';
import { roleArnFormat } from './role-arn-format';
import { loggingConfigured } from './logging-configured';
import { imagePinned } from './image-pinned';
import { noSshPort } from './no-ssh-port';
import { awsvpcHostPort } from './awsvpc-host-port';

export const taskRules: Rule[] = [noPrivileged, noPlaintextSecrets, secretReferenceFormat, readonlyRootFilesystem, nonRootUser, windowsNonAdminUser, noDangerousCapabilities, dropAllCapabilities, noSensitiveHostMounts, noHostDevices, noUnconfinedSecurityOptions, noNewPrivileges, noHostNetwork, awsvpcNetworkMode, fargateCompat, noHostPid, noHostIpc, efsTransitEncryption, separateRoles, roleArnFormat, loggingConfigured, imagePinned, noSshPort, awsvpcHostPort];
