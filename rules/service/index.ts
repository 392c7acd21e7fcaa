// service rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { noPublicIp } from './no-public-ip';
import { noExecuteCommand } from './no-execute-command';
import { fargatePlatformVersion } from './fargate-platform-version';

export const serviceRules: Rule[] = [noPublicIp, noExecuteCommand, fargatePlatformVersion];
