import type { Rule } from '../core/types';
import { child, keyNode } from '../core/json';
import { containerLabel, taskView } from './model';
import { capabilitiesNode, containerAnchor, normaliseCapability, stringElements } from './hardening-helpers';
import { prependElement, setProperty } from '../core/local-edits';

export const dropAllCapabilities: Rule = {
  meta: {
    id: 'task/drop-all-capabilities',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'info',
    description: 'Linux containers should drop all capabilities ("drop": ["ALL"]) and add back only the ones they need.',
    references: ['Amazon ECS best practices: task and container security', 'CIS Docker Benchmark 5.3'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view || view.os !== 'linux') return;
    for (const c of view.containers) {
      const lp = child(c.node, 'linuxParameters');
      const caps = capabilitiesNode(c);
      const drop = child(caps, 'drop');
      if (stringElements(drop).some((e) => normaliseCapability(e.value as string) === 'ALL')) continue;
      // Point at the most specific existing node: the drop array, then capabilities, then linuxParameters, then the container.
      const anchor = (drop && keyNode(caps, 'drop')) || (caps && keyNode(lp, 'capabilities')) || (lp && keyNode(c.node, 'linuxParameters'));
      const edits =
        drop?.type === 'array'
          ? prependElement(ctx.text, drop, 'ALL')
          : caps
            ? setProperty(ctx.text, caps, 'drop', ['ALL'])
            : lp?.type === 'object' && child(lp, 'capabilities') === undefined
              ? setProperty(ctx.text, lp, 'capabilities', { drop: ['ALL'] })
              : lp === undefined
                ? setProperty(ctx.text, c.node, 'linuxParameters', { capabilities: { drop: ['ALL'] } })
                : undefined; // linuxParameters or capabilities of the wrong type: no guess
      ctx.report({
        message: `${containerLabel(c)} keeps Docker's default capability set (${drop ? '"drop" lacks "ALL"' : 'nothing dropped'}). Drop ALL and add back only what the process needs.`,
        ...(anchor ? { offset: anchor.offset, length: anchor.length } : containerAnchor(c)),
        // Not safe: processes that need a default capability (CHOWN, SETUID, NET_BIND_SERVICE...) stop working.
        fixes: edits ? [{ title: 'Drop all capabilities ("drop": ["ALL"])', edits, safe: false }] : undefined,
      });
    }
  },
};
