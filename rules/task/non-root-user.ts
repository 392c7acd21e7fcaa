import type { Rule } from '../core/types';
import { child } from '../core/json';
import { containerLabel, taskView } from './model';
import { containerAnchor } from './hardening-helpers';
import { setProperty } from '../core/local-edits';

/** `root`, `0`, `root:<group>`, `0:<gid>` and the empty string all run as uid 0. */
export function isRootUser(user: string): boolean {
  const name = user.trim().split(':')[0].trim().toLowerCase();
  return name === '' || name === 'root' || /^0+$/.test(name);
}

export const nonRootUser: Rule = {
  meta: {
    id: 'task/non-root-user',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Linux containers should run as a non-root user (set "user" to a non-zero uid).',
    references: ['SecurityHub ECS.20', 'AWS Config ecs-task-definition-linux-user-non-root', 'AWS Config ecs-task-definition-nonroot-user'],
    fixable: true,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view || view.os !== 'linux') return;
    for (const c of view.containers) {
      const set = child(c.node, 'user');
      const v = set?.type === 'null' ? undefined : set; // "user": null is absent (the API drops it)
      // A number (wrong type) is read as its string form so `"user": 0` is still caught.
      const user = v?.type === 'string' ? (v.value as string) : v?.type === 'number' ? String(v.value) : undefined;
      if (v && user === undefined) continue; // null / object: malformed, other tools report the schema error
      if (user !== undefined && !isRootUser(user)) continue;
      const edits = setProperty(ctx.text, c.node, 'user', '1000:1000');
      ctx.report({
        message: v
          ? `${containerLabel(c)} runs as root ("user": "${user}"): a container escape or kernel bug then gives root on the host. Use a non-zero uid that owns only what the app needs.`
          : `${containerLabel(c)} does not set "user", so it runs as the image's user, which is root for most images. Set a non-zero uid.`,
        ...(v ? { offset: v.offset, length: v.length } : set ? { offset: set.offset, length: set.length } : containerAnchor(c)),
        // Placeholder uid: the user must pick one that exists in the image and owns the app's files.
        fixes: edits ? [{ title: 'Set "user": "1000:1000" (placeholder uid:gid)', edits, safe: false }] : undefined,
      });
    }
  },
};
