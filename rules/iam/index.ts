// iam rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { policyStructure } from './policy-structure';
import { strictJson } from './strict-json';
import { wildcardResource } from './wildcard-resource';
import { privilegeEscalation } from './privilege-escalation';
import { passroleWildcard } from './passrole-wildcard';
import { ecsExec } from './ecs-exec';
import { principalInIdentityPolicy } from './principal-in-identity-policy';
import { version } from './version';
import { duplicateSid } from './duplicate-sid';
import { allowNotAction } from './allow-not-action';
import { wildcardAction } from './wildcard-action';
import { unknownAction } from './unknown-action';
import { unknownConditionKey } from './unknown-condition-key';
import { conditionOperator } from './condition-operator';
import { arnFormat } from './arn-format';
import { resourceMismatch } from './resource-mismatch';

export const iamRules: Rule[] = [unknownAction, unknownConditionKey, conditionOperator, arnFormat, resourceMismatch, wildcardAction, allowNotAction, duplicateSid, version, principalInIdentityPolicy, ecsExec, passroleWildcard, privilegeEscalation, wildcardResource, strictJson, policyStructure];
