import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { get, ofType, str } from '../model';
import { LISTENERS } from '../network';

export const RECOMMENDED_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
// Predefined policies that still accept TLS 1.0 or 1.1.
const OUTDATED = new Set([
  'ELBSecurityPolicy-2016-08', 'ELBSecurityPolicy-2015-05', 'ELBSecurityPolicy-TLS-1-0-2015-04', 'ELBSecurityPolicy-TLS-1-1-2017-01',
  'ELBSecurityPolicy-FS-2018-06', 'ELBSecurityPolicy-FS-1-1-2019-08',
].map((s) => s.toLowerCase()));
const OUTDATED_TLS13 = /^ELBSecurityPolicy-TLS13-1-[01]-/i;

export const lbTlsPolicy = deploymentRule({
  id: 'lb/tls-policy',
  defaultSeverity: 'warning',
  description: 'An HTTPS or TLS listener uses a security policy that still accepts TLS 1.0 or 1.1.',
  references: ['AWS Foundational Security Best Practices ELB.17', 'Elastic Load Balancing: security policies for your Application Load Balancer'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const hcl = model.format === 'hcl';
  for (const l of ofType(model, ...LISTENERS)) {
    const protocol = str(get(l.props, hcl ? 'protocol' : 'Protocol'))?.toUpperCase();
    if (protocol !== 'HTTPS' && protocol !== 'TLS') continue;
    const policy = get(l.props, hcl ? 'ssl_policy' : 'SslPolicy');
    const name = str(policy);
    if (!name || !(OUTDATED.has(name.toLowerCase()) || OUTDATED_TLS13.test(name))) continue;
    report({
      resource: l,
      at: policy!.range,
      message: `${hcl ? 'ssl_policy' : 'SslPolicy'} ${name} accepts TLS 1.0/1.1, whose weaknesses let an attacker on the path downgrade or decrypt sessions. Use ${RECOMMENDED_POLICY} (TLS 1.3 and 1.2).`,
      // Old clients lose access: offered, never applied by "fix all".
      fixes: fixes(editFix(model, l.props, `Use ${RECOMMENDED_POLICY}`, false, (v) => { v.SslPolicy = RECOMMENDED_POLICY; })),
    });
  }
});
