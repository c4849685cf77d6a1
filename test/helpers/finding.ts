/** A finding as the engine makes one, for tests of what shows or gates it: only what the test cares about is given. */
import type { Finding } from '../../rules/schema';

export const testFinding = (over: Partial<Finding> & Pick<Finding, 'severity'>): Finding => ({
  ruleId: `rule.${over.severity}`,
  pack: 'p',
  set: 's',
  category: 'risk',
  message: `A ${over.severity} problem`,
  start: 0,
  end: 4,
  excerpt: 'text',
  suggestions: [],
  manual: { id: 'm', title: 'Manual section' },
  ...over,
});
