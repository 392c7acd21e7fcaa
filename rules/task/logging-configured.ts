import type { Rule } from '../core/types';
import { anchorOf, child, keyNode, rangeOf, stringValue } from '../core/json';
import { appendProperty, replaceNode } from '../core/local-edits';
import { containerLabel, taskView } from './model';

export const loggingConfigured: Rule = {
  meta: {
    id: 'task/logging-configured',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Every container should send its logs somewhere (logConfiguration.logDriver).',
    references: ['SecurityHub ECS.9', 'AWS Config ecs-task-definition-log-configuration', 'Prowler ecs_task_definitions_logging_enabled'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      const lc = child(c.node, 'logConfiguration');
      const driver = stringValue(child(lc, 'logDriver'));
      if (driver && driver.trim()) continue;
      const hasBlock = lc?.type === 'object';
      const where = hasBlock ? rangeOf(keyNode(lc, 'logDriver') ?? keyNode(c.node, 'logConfiguration')!) : lc ? rangeOf(keyNode(c.node, 'logConfiguration')!) : anchorOf(c.node, ['name', 'image']);
      const skeleton = {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '<log-group>',
          'awslogs-region': '<region>',
          'awslogs-stream-prefix': c.name && /^[\w.-]+$/.test(c.name) ? c.name : 'ecs',
        },
      };
      ctx.report({
        message: `${containerLabel(c)} has no ${hasBlock ? 'logDriver in its logConfiguration' : 'logConfiguration'}: its output only goes to the instance's Docker log (nowhere on Fargate), so there is no record to investigate an incident with.`,
        ...where,
        fixes: hasBlock ? undefined : [{
          title: 'Add an awslogs logConfiguration (fill in group and region)',
          edits: lc ? replaceNode(lc, skeleton) : appendProperty(ctx.text, c.node, 'logConfiguration', skeleton),
          // Inserts placeholders the user must fill in.
          safe: false,
        }],
      });
    }
  },
};
