/** The interpretation rules as values for readings (their texts live in reference.ts, shared with the UI). */
import type { AmbiguityRule, RuleId } from './reference.js';
import { RULES } from './reference.js';

export type { AmbiguityRule, RuleId } from './reference.js';

export function ruleOf(id: RuleId): AmbiguityRule {
  return { id, text: RULES[id] };
}
