import { globMatcher } from '../core/glob';
import type { Rule } from '../core/types';
import { child, rangeOf, stringValue } from '../core/json';
import { containerLabel, taskView } from './model';
import { isTemplated } from './util-task';
import { parseImage } from './image-pinned';

/** Images without a registry host come from Docker Hub. */
const DOCKER_HUB = 'docker.io';

export const allowedRegistries: Rule = {
  meta: {
    id: 'task/allowed-registries',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'error',
    description: 'Container images must come from the registries your organisation allows (configured with the "registries" option).',
    references: ['Amazon ECS best practices: image provenance', 'NIST SP 800-190 4.1.5 (use of untrusted images)', 'Kyverno restrict-image-registries'],
    fixable: false,
    options: {
      registries: { type: 'string-list', description: 'Allowed registry hosts (globs), e.g. ["123456789012.dkr.ecr.*.amazonaws.com", "public.ecr.aws"]; "docker.io" stands for images without a registry host.' },
    },
    defaultOff: true,
  },
  check(ctx) {
    const allowed = Array.isArray(ctx.options?.registries) ? (ctx.options.registries as unknown[]).filter((r): r is string => typeof r === 'string') : [];
    if (allowed.length === 0) return;
    const view = taskView(ctx);
    if (!view) return;
    // Linear-time globs (core/glob.ts): the registries come from a repository's config. A glob that cannot compile
    // (too many {a,b} alternatives) allows nothing.
    const matchers = allowed.map((g) => { try { return globMatcher(g, { nocase: true }); } catch { return () => false; } });
    const isAllowed = (registry: string) => matchers.some((m) => m(registry));
    for (const c of view.containers) {
      const node = child(c.node, 'image');
      const image = stringValue(node);
      if (!image || !image.trim() || isTemplated(image)) continue;
      const registry = parseImage(image).registry ?? DOCKER_HUB;
      if (isAllowed(registry)) continue;
      ctx.report({
        message: `${containerLabel(c)} pulls "${image}" from ${registry}, which is not an allowed registry (${allowed.join(', ')}). Images from other registries bypass your scanning and provenance controls; mirror the image into an allowed registry.`,
        ...rangeOf(node!),
      });
    }
  },
};
