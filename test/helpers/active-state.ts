/** What the background hands a page (ActiveState) for unit tests: nothing switched, locked or changed unless given. */
import { preparedPatterns } from '../../rules/index';
import type { Pack } from '../../rules/schema';
import type { ActiveState } from '../../utils/messages';

export const testState = (packs: Pack[], over: Partial<ActiveState> = {}): ActiveState => ({
  packs,
  patterns: preparedPatterns(packs),
  sets: {},
  allowOverride: true,
  failMode: 'open',
  lockedSets: [],
  ruleOverrides: {},
  lockedRules: [],
  profile: undefined,
  profileLocked: false,
  eventWords: [],
  forcedPackIds: [],
  policyProblems: [],
  ...over,
});
