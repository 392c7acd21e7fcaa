import { deploymentRule } from '../rule';
import { editFix, fixes } from '../fix';
import { bool, get, keyRange, ofType, str } from '../model';
import { appendLines, hclFix, setArgument } from '../hcl';

const REPOSITORY = 'AWS::ECR::Repository';
const TF_REPOSITORY = 'aws_ecr_repository';
/** Property names of the two hosts; Terraform's image_scanning_configuration is a block (a one-item list). */
const CFN = { mutability: 'ImageTagMutability', scanning: 'ImageScanningConfiguration', onPush: 'ScanOnPush', registry: 'AWS::ECR::RegistryScanningConfiguration' };
const TF = { mutability: 'image_tag_mutability', scanning: 'image_scanning_configuration', onPush: 'scan_on_push', registry: 'aws_ecr_registry_scanning_configuration' };

export const ecrImmutableTags = deploymentRule({
  id: 'ecr/immutable-tags',
  defaultSeverity: 'warning',
  description: 'An ECR repository lets tags be overwritten (ImageTagMutability MUTABLE, the default): a pushed tag can be swapped for another image.',
  references: ['AWS Foundational Security Best Practices ECR.2', 'Checkov CKV_AWS_51'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const k = model.format === 'hcl' ? TF : CFN;
  for (const r of ofType(model, REPOSITORY, TF_REPOSITORY)) {
    const m = get(r.props, k.mutability);
    const v = m ? str(m)?.toUpperCase() : 'MUTABLE';
    if (v !== 'MUTABLE' && v !== 'MUTABLE_WITH_EXCLUSION') continue;
    report({
      resource: r,
      at: m?.range ?? r.anchor,
      message: `${m ? `${k.mutability} is ${v}` : `${k.mutability} is not set (MUTABLE)`}: anyone allowed to push can move a tag such as "v1.2" to another image, and tasks that start later run it. Set IMMUTABLE and deploy by new tag or digest.`,
      // Pipelines that re-push a tag (latest) fail afterwards: offered, never applied by "fix all".
      fixes: fixes(model.format === 'hcl'
        ? hclFix(model, 'Set image_tag_mutability to IMMUTABLE', false, [setArgument(model, r.props, k.mutability, '"IMMUTABLE"')])
        : editFix(model, r.props ?? undefined, 'Set ImageTagMutability to IMMUTABLE', false, (p) => { p.ImageTagMutability = 'IMMUTABLE'; })),
    });
  }
});

export const ecrScanOnPush = deploymentRule({
  id: 'ecr/scan-on-push',
  defaultSeverity: 'info',
  description: 'An ECR repository does not scan images on push, and the template configures no registry scanning.',
  references: ['AWS Foundational Security Best Practices ECR.1', 'Checkov CKV_AWS_163'],
  fixable: true,
  hosts: ['cloudformation', 'terraform'],
}, ({ model, report }) => {
  const k = model.format === 'hcl' ? TF : CFN;
  // Registry-level scanning (basic or enhanced) covers repositories by filter: any in the file, and we stay silent.
  if (ofType(model, k.registry).length) return;
  for (const r of ofType(model, REPOSITORY, TF_REPOSITORY)) {
    const block = get(r.props, k.scanning);
    const cfg = block?.t === 'array' ? block.items[0] : block;
    const scan = get(cfg, k.onPush);
    if (scan && bool(scan) !== false) continue;
    if (cfg && cfg.t !== 'object') continue; // unknown
    report({
      resource: r,
      at: scan?.range ?? keyRange(r.props, k.scanning) ?? r.anchor,
      message: `images are not scanned on push: known vulnerabilities in a pushed image go unnoticed until something else looks. Set ${k.scanning}.${k.onPush} to true (or configure registry scanning, ${k.registry}).`,
      fixes: fixes(model.format === 'hcl'
        ? hclFix(model, 'Scan images on push', true, [cfg
          ? setArgument(model, cfg, k.onPush, 'true')
          : appendLines(model, r.props, [`${k.scanning} {`, `  ${k.onPush} = true`, '}'])])
        : editFix(model, r.props, 'Scan images on push', true, (p) => {
          const c = (p.ImageScanningConfiguration ??= {}) as Record<string, unknown>;
          c.ScanOnPush = true;
        })),
    });
  }
});
