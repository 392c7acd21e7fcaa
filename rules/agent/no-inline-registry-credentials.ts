import type { Rule } from '../core/types';
import { agentDoc } from './model';

export const noInlineRegistryCredentials: Rule = {
  meta: {
    id: 'agent/no-inline-registry-credentials',
    kinds: ['agent-config'],
    defaultSeverity: 'error',
    description: 'ECS_ENGINE_AUTH_DATA stores registry credentials in plain text on the instance; use repositoryCredentials with Secrets Manager.',
    references: ['aws/amazon-ecs-agent README: ECS_ENGINE_AUTH_DATA', 'Amazon ECS developer guide: private registry authentication for tasks', 'SecurityHub ECS.8'],
    fixable: false,
  },
  check(ctx) {
    // Every occurrence is on disk, not only the last one ecs-init keeps.
    for (const e of agentDoc(ctx).entries) {
      if (e.key !== 'ECS_ENGINE_AUTH_DATA' || e.unquoted.trim() === '') continue;
      const how = e.dynamic
        ? 'is filled in by a template or at boot, but the credentials still end up in plain text in /etc/ecs/ecs.config'
        : 'holds registry credentials in plain text';
      // The range is the key only: the secret itself is not repeated in the message or highlighted.
      ctx.report({
        message: `ECS_ENGINE_AUTH_DATA ${how}, readable by anyone with root or a host mount on the instance and copied into AMIs and user data. Use private registry authentication (repositoryCredentials.credentialsParameter with a Secrets Manager secret) or Amazon ECR with the execution role.`,
        offset: e.keyOffset,
        length: e.keyLength,
      });
    }
  },
};
