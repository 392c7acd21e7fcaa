import type { Rule } from '../core/types';
import { agentDoc } from './model';

/** The AWS SDK in the agent reads these from its environment (ecs.config is its env file): static keys on the host. */
export const AWS_KEY_VARIABLES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']);

export const noInlineRegistryCredentials: Rule = {
  meta: {
    id: 'agent/no-inline-registry-credentials',
    kinds: ['agent-config'],
    defaultSeverity: 'error',
    description: 'ECS_ENGINE_AUTH_DATA or static AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY store credentials in plain text on the instance.',
    references: ['aws/amazon-ecs-agent README: ECS_ENGINE_AUTH_DATA', 'Amazon ECS developer guide: private registry authentication for tasks', 'SecurityHub ECS.8'],
    fixable: false,
  },
  check(ctx) {
    // Every occurrence is on disk, not only the last one ecs-init keeps.
    for (const e of agentDoc(ctx).entries) {
      if (e.unquoted.trim() === '') continue;
      if (AWS_KEY_VARIABLES.has(e.key)) {
        ctx.report({
          message: `${e.key} puts static AWS credentials on the host: the agent (whose environment file ecs.config is) uses them, and anyone with root or a host mount on the instance, every AMI made from it and, from user data, anyone who can read the instance's user data can too. Give the instance a role (an instance profile; on ECS Anywhere, the activation's role) and delete the keys; rotate them.`,
          offset: e.keyOffset,
          length: e.keyLength,
        });
        continue;
      }
      if (e.key !== 'ECS_ENGINE_AUTH_DATA') continue;
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
