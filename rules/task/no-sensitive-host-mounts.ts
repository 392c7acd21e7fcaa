import type { Rule, Severity } from '../core/types';
import { booleanValue, child, elements, stringValue } from '../core/json';
import { containerLabel, taskView, type ContainerView } from './model';

/** Container runtime sockets: full control of every container on the host, and so of the host. */
const RUNTIME_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/var/run/containerd', '/run/containerd'];
/** Host directories whose exposure leaks credentials or allows host changes (exact paths; sub paths are usually benign, e.g. /etc/ssl/certs). */
const SENSITIVE_DIRS = ['/', '/etc', '/proc', '/sys', '/root', '/home', '/var/lib/docker', '/boot', '/dev', '/var/run', '/run'];

/** `//var/run//docker.sock/` → `/var/run/docker.sock`. */
export function normaliseHostPath(p: string): string {
  const s = p.trim().replace(/\/{2,}/g, '/');
  return s.length > 1 ? s.replace(/\/+$/, '') : s;
}

function classify(path: string): 'socket' | 'dir' | undefined {
  if (RUNTIME_SOCKETS.some((s) => path === s || path.startsWith(s + '/'))) return 'socket';
  if (SENSITIVE_DIRS.includes(path)) return 'dir';
  return undefined;
}

const LOWER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'hint', hint: 'hint' };

export const noSensitiveHostMounts: Rule = {
  meta: {
    id: 'task/no-sensitive-host-mounts',
    kinds: ['task-definition'],
    defaultSeverity: 'error',
    description: 'Containers should not mount the container runtime socket or sensitive host directories (/, /etc, /proc...).',
    references: ['Amazon ECS best practices: task and container security', 'CIS Docker Benchmark 5.5, 5.31'],
    fixable: false,
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view?.def) return; // a bare container array has no volumes
    for (const vol of elements(child(view.def, 'volumes'))) {
      const name = stringValue(child(vol, 'name'));
      const src = child(child(vol, 'host'), 'sourcePath');
      const raw = stringValue(src);
      if (!name || !raw) continue;
      const path = normaliseHostPath(raw);
      const kind = classify(path);
      if (!kind) continue;
      const mounts = mountsOf(view.containers, name);
      if (mounts.length === 0) continue; // declared but unused: nothing is exposed
      const allReadOnly = mounts.every((m) => m.readOnly);
      const who = mounts.map((m) => containerLabel(m.container)).join(', ');
      const base: Severity = kind === 'socket' ? 'error' : 'warning';
      // Read-only lowers directory mounts one level; it does not help for a socket (connect() still works).
      const severity = kind === 'dir' && allReadOnly ? LOWER[base] : base;
      const message =
        kind === 'socket'
          ? `Host path "${raw}" (container runtime socket) is mounted by ${who}: whoever controls the socket can start a privileged container and own the host${allReadOnly ? '; "readOnly" does not stop API calls over a socket' : ''}.`
          : path === '/var/run' || path === '/run'
            ? `Host path "${raw}" is mounted by ${who}: it contains the Docker and containerd sockets, so the container can control the host's containers.`
            : `Host path "${raw}" is mounted ${allReadOnly ? 'read-only ' : ''}by ${who}: it exposes host ${path === '/' ? 'files' : 'state'} (credentials, keys, kernel interfaces)${allReadOnly ? '' : ' and lets the container change them'}. Mount only the sub path you need, read-only.`;
      ctx.report({
        message,
        offset: src!.offset,
        length: src!.length,
        // /run and /var/run hold the sockets: same severity as the socket itself.
        severity: path === '/var/run' || path === '/run' ? 'error' : severity,
      });
    }
  },
};

function mountsOf(containers: ContainerView[], volume: string): { container: ContainerView; readOnly: boolean }[] {
  const out = [];
  for (const c of containers) {
    for (const mp of elements(child(c.node, 'mountPoints'))) {
      if (stringValue(child(mp, 'sourceVolume')) !== volume) continue;
      out.push({ container: c, readOnly: booleanValue(child(mp, 'readOnly')) === true });
      break;
    }
  }
  return out;
}
