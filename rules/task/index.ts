// Task and container definition rules. Add new rules to this list.
import type { Rule } from '../core/types';
import { noPrivileged } from './no-privileged';

export const taskRules: Rule[] = [noPrivileged];
