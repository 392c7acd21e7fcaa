// agent rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { blockImds } from './block-imds';
import { hostNetworkTaskRoles } from './host-network-task-roles';
import { disablePrivileged } from './disable-privileged';
import { noInlineRegistryCredentials } from './no-inline-registry-credentials';
import { offhostIntrospection } from './offhost-introspection';
import { proxyBypass } from './proxy-bypass';
import { unknownVariable } from './unknown-variable';
import { invalidValue } from './invalid-value';

export const agentRules: Rule[] = [
  blockImds,
  hostNetworkTaskRoles,
  disablePrivileged,
  noInlineRegistryCredentials,
  offhostIntrospection,
  proxyBypass,
  unknownVariable,
  invalidValue,
];

export { describeAgentVariable, agentVariableNames } from './hover';
export { agentHoverAt, agentHoverTarget, agentCompletionsAt, type AgentCompletion, type AgentHover } from './assist';
export { extractFromScript, looksLikeScript } from './shell';
export { parseAgentConfig } from './parse';
