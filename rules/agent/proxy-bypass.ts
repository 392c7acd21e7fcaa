import type { Fix, Rule } from '../core/types';
import type { AgentEntry } from './parse';
import { agentDoc, lastEntry, type AgentDoc } from './model';

const REQUIRED = ['169.254.169.254', '169.254.170.2'];

function ipv4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.some((p) => p > 255) ? undefined : parts.reduce((a, p) => a * 256 + p, 0);
}

/** A NO_PROXY item (IP, or CIDR as Go's httpproxy accepts) covers the address. */
function covers(item: string, ip: string): boolean {
  if (item === ip) return true;
  const [net, bits] = item.split('/');
  const n = ipv4(net), a = ipv4(ip), b = Number(bits);
  if (n === undefined || a === undefined || !Number.isInteger(b) || b < 0 || b > 32) return false;
  const size = 2 ** (32 - b);
  return Math.floor(n / size) === Math.floor(a / size);
}

/** Go's net/http reads the upper-case name first, then the lower-case one. */
function firstSet(doc: AgentDoc, names: string[]): AgentEntry | undefined {
  for (const n of names) {
    const e = lastEntry(doc, n);
    if (e && e.unquoted.trim() !== '') return e;
  }
  return undefined;
}

export const proxyBypass: Rule = {
  meta: {
    id: 'agent/proxy-bypass',
    kinds: ['agent-config'],
    defaultSeverity: 'error',
    description: 'With HTTP_PROXY set, NO_PROXY must include 169.254.169.254 and 169.254.170.2 so metadata and credentials never go through the proxy.',
    references: ['aws/amazon-ecs-agent README: HTTP_PROXY, NO_PROXY', 'Amazon ECS developer guide: HTTP proxy configuration for Linux container instances'],
    fixable: true,
  },
  check(ctx) {
    const doc = agentDoc(ctx);
    const proxy = firstSet(doc, ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']);
    if (!proxy) return;
    const noProxy = firstSet(doc, ['NO_PROXY', 'no_proxy']);
    if (noProxy?.dynamic) return;
    const items = (noProxy?.unquoted ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const missing = REQUIRED.filter((ip) => !items.some((i) => covers(i, ip)));
    if (missing.length === 0) return;
    const why = 'instance metadata (169.254.169.254) and task credentials (169.254.170.2) requests would be sent to the proxy, which can read or tamper with role credentials (and cannot reach these link-local addresses, so tasks lose their credentials).';
    const fixes: Fix[] = [];
    if (noProxy) {
      // Insert before a closing quote, after the last item.
      const end = noProxy.valueOffset + noProxy.valueLength - (noProxy.quoted ? 1 : 0);
      const sep = items.length > 0 ? ',' : '';
      // Safe: it only keeps link-local metadata traffic off the proxy; no access is granted or removed.
      fixes.push({ title: `Add ${missing.join(', ')} to NO_PROXY`, edits: [{ offset: end, length: 0, content: sep + missing.join(',') }], safe: true, preferred: true });
      ctx.report({
        message: `${proxy.key} is set but ${noProxy.key} lacks ${missing.join(' and ')}: ${why}`,
        offset: noProxy.valueLength > 0 ? noProxy.valueOffset : noProxy.keyOffset,
        length: noProxy.valueLength > 0 ? noProxy.valueLength : noProxy.keyLength,
        fixes,
      });
      return;
    }
    // Not safe: the Docker socket path is the Linux default; Windows uses \\.\pipe\docker_engine.
    const edit = doc.appendSetting('NO_PROXY', '169.254.169.254,169.254.170.2,/var/run/docker.sock');
    if (edit) fixes.push({ title: 'Add NO_PROXY=169.254.169.254,169.254.170.2,/var/run/docker.sock', edits: [edit], safe: false });
    ctx.report({ message: `${proxy.key} is set without NO_PROXY: ${why}`, offset: proxy.keyOffset, length: proxy.keyLength, fixes });
  },
};
