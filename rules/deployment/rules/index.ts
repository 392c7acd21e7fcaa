// Deployment rules: rules over the model of a whole CloudFormation template or Terraform module (rules/deployment/model.ts).
import type { Rule } from '../../core/types';
import { taskWorldIngress } from './task-world-ingress';
import { adminPortOpen } from './admin-port-open';
import { lbHttpsListener } from './lb-https-listener';
import { lbTlsPolicy } from './lb-tls-policy';
import { ecrImmutableTags, ecrScanOnPush } from './ecr-repository';
import { containerInsights, execLogging } from './cluster';
import { roleAdminPolicy } from './role-admin-policy';
import { roleExecutionScope } from './role-execution-scope';
import { roleTaskTrust } from './role-task-trust';
import { instanceAwsvpcBlockImds, instanceImdsv2 } from './instance-imds';
import { lbAccessLogs } from './lb-access-logs';
import { appMeshTls, serviceConnectTls } from './mesh-tls';
import { vpcFlowLogs } from './vpc-flow-logs';
import { vpcPrivateEndpoints } from './vpc-private-endpoints';

export const deploymentRules: readonly Rule[] = [
  taskWorldIngress, adminPortOpen, lbHttpsListener, lbTlsPolicy, ecrImmutableTags, ecrScanOnPush, containerInsights, execLogging,
  roleAdminPolicy, roleExecutionScope, roleTaskTrust, instanceImdsv2, instanceAwsvpcBlockImds,
  lbAccessLogs, vpcFlowLogs, vpcPrivateEndpoints, serviceConnectTls, appMeshTls,
];
