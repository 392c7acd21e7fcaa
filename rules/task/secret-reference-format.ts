import type { JsonNode, Rule } from '../core/types';
import { child, elements, stringValue } from '../core/json';
import { containerLabel, taskView } from './model';
import { checkRegistryCredentials, checkSecretReference, type RefProblem } from './secrets-references';

export const secretReferenceFormat: Rule = {
  meta: {
    id: 'task/secret-reference-format',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'error',
    description: 'Secret references must be Secrets Manager ARNs or unversioned SSM parameter ARNs/names.',
    references: ['Amazon ECS developer guide: pass sensitive data to a container', 'Amazon ECS API: Secret, RepositoryCredentials'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      const where = containerLabel(c);
      const check = (node: JsonNode | undefined, what: string, fn: (v: string) => RefProblem) => {
        if (!node) return;
        const v = stringValue(node);
        const p = v === undefined ? { problem: 'is not a string' } : fn(v);
        if (p) ctx.report({ message: `${what} of ${where} ${p.problem}. ECS fails to start the task.`, offset: node.offset, length: node.length });
      };
      for (const s of elements(child(c.node, 'secrets'))) {
        const name = stringValue(child(s, 'name'));
        check(child(s, 'valueFrom'), `"valueFrom" of secret${name ? ` "${name}"` : ''}`, checkSecretReference);
      }
      for (const s of elements(child(child(c.node, 'logConfiguration'), 'secretOptions'))) {
        const name = stringValue(child(s, 'name'));
        check(child(s, 'valueFrom'), `"valueFrom" of log secret option${name ? ` "${name}"` : ''}`, checkSecretReference);
      }
      check(child(child(c.node, 'repositoryCredentials'), 'credentialsParameter'), '"credentialsParameter"', checkRegistryCredentials);
    }
  },
};
