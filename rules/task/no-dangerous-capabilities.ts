import type { Rule } from '../core/types';
import { child } from '../core/json';
import { containerLabel, taskView } from './model';
import { capabilitiesNode, normaliseCapability, stringElements } from './hardening-helpers';
import { own } from '../core/own';

/** Capabilities that amount to, or easily lead to, root on the host; with the reason shown to the user. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every capability, which is nearly privileged mode',
  SYS_ADMIN: 'mount, namespaces and many admin operations; the classic container-escape capability',
  NET_ADMIN: 'reconfigure interfaces, routes and iptables, including the rules that block instance metadata',
  SYS_MODULE: 'load kernel modules, i.e. run code in the host kernel',
  SYS_RAWIO: 'raw I/O to devices and memory',
  SYS_PTRACE: 'trace and inject into other processes',
  DAC_READ_SEARCH: 'bypass file read permissions and open files by handle (the "shocker" escape)',
  BPF: 'load eBPF programs into the kernel',
  PERFMON: 'kernel performance monitoring that exposes kernel memory layout',
  SYS_BOOT: 'reboot the host and load new kernels',
  MAC_ADMIN: 'change the AppArmor/SELinux policy',
  MAC_OVERRIDE: 'bypass the AppArmor/SELinux policy',
  NET_RAW: 'craft raw packets (ARP/DNS spoofing of neighbours)',
};

export const noDangerousCapabilities: Rule = {
  meta: {
    id: 'task/no-dangerous-capabilities',
    scope: 'container',
    kinds: ['task-definition', 'container-definitions'],
    defaultSeverity: 'warning',
    description: 'Containers should not add dangerous Linux capabilities such as SYS_ADMIN, NET_ADMIN or ALL.',
    references: ['Amazon ECS best practices: task and container security', 'Docker run reference: runtime privilege and Linux capabilities'],
    fixable: false,
    options: {
      extraCapabilities: { type: 'string-list', description: 'More capabilities to flag, e.g. ["CHOWN", "SETUID"] (with or without the CAP_ prefix).' },
    },
  },
  check(ctx) {
    const view = taskView(ctx);
    if (!view || view.os !== 'linux') return;
    const extra = new Set(Array.isArray(ctx.options?.extraCapabilities)
      ? (ctx.options.extraCapabilities as unknown[]).filter((c): c is string => typeof c === 'string').map(normaliseCapability)
      : []);
    for (const c of view.containers) {
      for (const el of stringElements(child(capabilitiesNode(c), 'add'))) {
        const cap = normaliseCapability(el.value as string);
        const why = own(DANGEROUS, cap) ?? (extra.has(cap) ? 'a capability your configuration lists as dangerous' : undefined);
        if (!why) continue;
        ctx.report({
          message: `${containerLabel(c)} adds ${cap === 'ALL' ? 'ALL capabilities' : `CAP_${cap}`}: ${why}. Remove it or grant a narrower capability.`,
          offset: el.offset,
          length: el.length,
        });
      }
    }
  },
};
