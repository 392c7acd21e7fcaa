// service rules. Add new rules to this list.
import type { Rule } from '../core/types';

export const serviceRules: Rule[] = [];
