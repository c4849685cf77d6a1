/** Every rule kind, by name. A new kind is one file here and one line below. */
import type { RuleKind } from '../schema';
import claim from './claim';
import type { KindDefinition } from './kind';
import limit from './limit';
import links from './links';
import pattern from './pattern';
import pii from './pii';
import requireKind from './require';
import terms from './terms';
import tone from './tone';

export const KINDS: { [K in RuleKind]: KindDefinition<K> } = {
  terms,
  pattern,
  claim,
  limit,
  require: requireKind,
  pii,
  tone,
  links,
};
