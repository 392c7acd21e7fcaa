// endpoint rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { s3EcrLayerBucket } from './s3-ecr-layer-bucket';
import { accountPrincipal } from './account-principal';
import { fullAccess } from './full-access';
import { orgBoundary } from './org-boundary';

export const endpointRules: Rule[] = [orgBoundary, fullAccess, accountPrincipal, s3EcrLayerBucket];
