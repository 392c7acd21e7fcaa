import type { Rule } from '../core/types';
import { globMatch, isAllow, policyView, type Statement } from '../iam/policy-model';
import { rangeOf } from '../core/json';

const GET_OBJECT = 's3:GetObject';
// A sample layer object: a Resource pattern that matches it lets ECR layer downloads through.
const SAMPLE_LAYER = 'arn:aws:s3:::prod-us-east-1-starport-layer-bucket/sha256/layer';

function allowsLayers(s: Statement): boolean {
  return s.resources.some((r) => /starport-layer-bucket/i.test(r.value) || globMatch(r.value, SAMPLE_LAYER));
}

export const s3EcrLayerBucket: Rule = {
  meta: {
    id: 'endpoint/s3-ecr-layer-bucket',
    kinds: ['endpoint-policy'],
    defaultSeverity: 'warning',
    description: 'An S3 gateway endpoint policy restricts s3:GetObject without allowing the ECR layer bucket, so image pulls fail.',
    references: ['Amazon ECR User Guide: interface VPC endpoints, Amazon S3 gateway endpoint policy'],
    fixable: false,
  },
  check(ctx) {
    const view = policyView(ctx);
    if (!view) return;
    // Only Allow statements that name s3 actions explicitly: a bare "*" is a different (full access) policy.
    const grants = view.statements.filter((s) => isAllow(s) && !s.raw.notResource && s.actions.some((a) => a.value.toLowerCase().startsWith('s3:') && globMatch(a.value, GET_OBJECT)));
    if (grants.length === 0 || grants.some(allowsLayers)) return;
    const first = grants[0].actions.find((a) => a.value.toLowerCase().startsWith('s3:') && globMatch(a.value, GET_OBJECT))!;
    ctx.report({
      message: 'This S3 endpoint policy allows s3:GetObject only on specific resources: ECR stores image layers in "arn:aws:s3:::prod-<region>-starport-layer-bucket/*", so image pulls through this endpoint will fail. Add that resource to an Allow of s3:GetObject.',
      ...rangeOf(first.node),
    });
  },
};
