import type { Rule } from '../core/types';
import { child, elements, keyNode } from '../core/json';
import { containerLabel, taskView } from './model';
import { modifyWithin } from '../core/local-edits';

export const noHostDevices: Rule = {
  meta: {
    id: 'task/no-host-devices',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Containers should not be given host devices (linuxParameters.devices).',
    references: ['Amazon ECS best practices: task and container security', 'CIS Docker Benchmark 5.17'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view || view.os !== 'linux') return;
    for (const c of view.containers) {
      const lp = child(c.node, 'linuxParameters');
      const devices = child(lp, 'devices');
      const list = elements(devices);
      if (list.length === 0) continue;
      const paths = list.map((d) => child(d, 'hostPath')).filter((p) => p?.type === 'string').map((p) => p!.value as string);
      const key = keyNode(lp, 'devices')!;
      const edits = modifyWithin(ctx.text, c.node, ['linuxParameters', 'devices'], undefined);
      ctx.report({
        message: `${containerLabel(c)} is given host device${list.length > 1 ? 's' : ''}${paths.length ? ` ${paths.join(', ')}` : ''}: direct device access bypasses the container boundary (raw disks, GPUs, /dev/mem). Remove unless the workload needs the device.`,
        offset: key.offset,
        length: key.length,
        fixes: edits ? [{ title: 'Remove "devices"', edits, safe: true }] : undefined,
      });
    }
  },
};
