// trust rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { ecsTasksPrincipal } from './ecs-tasks-principal';
import { confusedDeputy } from './confused-deputy';
import { noResource } from './no-resource';
import { wildcardPrincipal } from './wildcard-principal';

export const trustRules: Rule[] = [wildcardPrincipal, noResource, confusedDeputy, ecsTasksPrincipal];
