// Deployment rules: rules over the model of a whole CloudFormation template (rules/deployment/model.ts).
import type { Rule } from '../../core/types';
import { taskWorldIngress } from './task-world-ingress';
import { adminPortOpen } from './admin-port-open';

export const deploymentRules: readonly Rule[] = [taskWorldIngress, adminPortOpen];
