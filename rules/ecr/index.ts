// ecr rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { servicePrincipalConfusedDeputy } from './service-principal-confused-deputy';
import { getAuthorizationToken } from './get-authorization-token';
import { publicPrincipalRule } from './public-principal';

export const ecrRules: Rule[] = [publicPrincipalRule, getAuthorizationToken, servicePrincipalConfusedDeputy];
