import type { Rule } from '../core/types';
import { child, rangeOf, stringValue } from '../core/json';
import { containerLabel, taskView } from './model';

export interface ImageRef { registry?: string; repository: string; tag?: string; digest?: string }

/** Split a Docker image reference. A `:port` in the registry host is not a tag. */
export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  const slash = rest.lastIndexOf('/');
  const last = rest.slice(slash + 1);
  const colon = last.lastIndexOf(':');
  const tag = colon >= 0 ? last.slice(colon + 1) : undefined;
  const name = colon >= 0 ? rest.slice(0, slash + 1 + colon) : rest;
  const first = name.split('/')[0];
  const hasRegistry = name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  return { registry: hasRegistry ? first : undefined, repository: hasRegistry ? name.slice(first.length + 1) : name, tag, digest };
}

const HOLE = '\u0000';
/**
 * Template slots (`${...}`, `{{ }}`, `<...>`, `{X}`, `#{X}`, `$$X$$`), each masked to one character so the rest can be
 * parsed. Linear time: each body excludes its own opener, so `${${${…` never rescans to the end of the value.
 */
const SLOT = /\$\{[^}$]*\}|\{\{[^{}]*\}\}|<[^<>]+>|#?\{[^{}]+\}|\$\$[A-Za-z0-9_]+\$\$/g;

/**
 * The tag an image reference pins, reading literal parts around template slots: `${Repo}:latest` is "latest",
 * `repo:${TAG}` and `${IMAGE}` are unknown (undefined), `${Registry}/nginx` has no tag ('').
 */
export function literalTag(image: string): { tag: string; digest: boolean } | undefined {
  if (/^\$[A-Z_][A-Z0-9_]*$/i.test(image.trim())) return undefined; // $IMAGE
  const masked = image.replace(SLOT, HOLE);
  const ref = parseImage(masked);
  if (ref.digest !== undefined) return ref.digest.includes(HOLE) ? undefined : { tag: ref.tag ?? '', digest: true };
  if (ref.tag !== undefined) return ref.tag.includes(HOLE) ? undefined : { tag: ref.tag, digest: false };
  // No tag: unless a slot in the last path segment may carry one (`${Repo}`, `app-${Suffix}`).
  const last = ref.repository.slice(ref.repository.lastIndexOf('/') + 1);
  return last.includes(HOLE) ? undefined : { tag: '', digest: false };
}

export const imagePinned: Rule = {
  meta: {
    id: 'task/image-pinned',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Container images should name a version (tag or digest), not "latest" or no tag.',
    references: ['Amazon ECS best practices: image tags', 'Hadolint DL3007', 'Amazon ECR image tag immutability'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view) return;
    for (const c of view.containers) {
      const node = child(c.node, 'image');
      const image = stringValue(node);
      if (!image || !image.trim()) continue;
      // Slots rendered later (CodeDeploy <IMAGE1_NAME>, envsubst, !Sub, CDK's Fn::Join) are unknown; literal parts
      // around them still count: `${Repo}:latest` is latest, `repo:${TAG}` is not judged.
      const ref = literalTag(image);
      if (!ref || ref.digest) continue;
      if (ref.tag !== '' && ref.tag.toLowerCase() !== 'latest') continue;
      const what = ref.tag ? 'uses the "latest" tag' : 'has no tag (Docker pulls "latest")';
      ctx.report({
        message: `${containerLabel(c)} image "${image}" ${what}: each task launch may run a different, unreviewed image, and a pushed or replaced image reaches production silently. Pin a version tag (with tag immutability on ECR) or a digest (@sha256:...).`,
        ...rangeOf(node!),
      });
    }
  },
};
