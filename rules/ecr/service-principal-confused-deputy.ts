import type { Rule } from '../core/types';
import { hasConditionKey, isAllow, policyView, q } from '../iam/policy-model';
import { rangeOf } from '../core/json';

export const servicePrincipalConfusedDeputy: Rule = {
  meta: {
    id: 'ecr/service-principal-confused-deputy',
    kinds: ['ecr-repository-policy'],
    defaultSeverity: 'warning',
    description: 'The repository policy allows an AWS service principal without an aws:SourceArn or aws:SourceAccount condition.',
    references: ['Amazon ECR User Guide: repository policy examples (service principals)', 'IAM Access Analyzer RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL', 'IAM User Guide: the confused deputy problem'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    for (const s of view.statements) {
      if (!isAllow(s) || hasConditionKey(s, ['aws:SourceArn', 'aws:SourceAccount'])) continue;
      const p = s.principals.find((x) => x.type === 'Service');
      if (!p) continue;
      ctx.report({
        message: `${q(p.value)} may use this repository on behalf of any AWS account (confused deputy). Add "ArnLike": {"aws:SourceArn": "<the resource in your account>"} and "StringEquals": {"aws:SourceAccount": "<your account id>"}.`,
        ...rangeOf(p.node),
      });
    }
  },
};
