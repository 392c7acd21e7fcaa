import type { Rule } from '../core/types';
import { child, elements, rangeOf, stringValue } from '../core/json';
import { setValue } from '../core/edits';

// Current Fargate platform versions (Prowler / AWS Config defaults): Linux 1.4.0, Windows 1.0.0.
const CURRENT: Record<string, string> = { linux: '1.4.0', windows: '1.0.0' };

export const fargatePlatformVersion: Rule = {
  meta: {
    id: 'service/fargate-platform-version',
    kinds: ['service-definition'],
    defaultSeverity: 'warning',
    description: 'Fargate services should run on LATEST or the current platform version (Linux 1.4.0, Windows 1.0.0).',
    references: ['SecurityHub ECS.10', 'AWS Config ecs-fargate-latest-platform-version', 'Checkov CKV_AWS_332'],
    fixable: true,
  },
  check(ctx) {
    const root = ctx.json?.root;
    const node = child(root, 'platformVersion');
    const version = stringValue(node)?.trim();
    if (!version || version.toUpperCase() === 'LATEST' || /[$<{]/.test(version)) return;
    const onFargate = stringValue(child(root, 'launchType')) === 'FARGATE'
      || elements(child(root, 'capacityProviderStrategy')).some((s) => /^FARGATE(_SPOT)?$/.test(stringValue(child(s, 'capacityProvider')) ?? ''));
    if (!onFargate) return;
    // describe-services output names the OS; create-service input does not, so either current version passes.
    const family = stringValue(child(root, 'platformFamily'));
    const os = family ? (/^WINDOWS/i.test(family) ? 'windows' : 'linux') : undefined;
    const ok = os ? [CURRENT[os]] : Object.values(CURRENT);
    if (ok.includes(version)) return;
    ctx.report({
      message: `platformVersion "${version}" is not the current Fargate platform version (${os ? CURRENT[os] : 'Linux 1.4.0, Windows 1.0.0'}): older versions miss security patches and features such as encrypted ephemeral storage and EFS support. Use "LATEST".`,
      ...rangeOf(node!),
      fixes: [{
        title: 'Set platformVersion to "LATEST"',
        edits: setValue(ctx.text, ['platformVersion'], 'LATEST'),
        // Changes the runtime the tasks run on: review, never bulk-apply.
        safe: false,
        preferred: true,
      }],
    });
  },
};
