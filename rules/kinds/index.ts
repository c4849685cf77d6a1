/** Every rule kind: a new kind is one file here (its schema, checks and runner) and one line in each list below. */
import type { RuleKind } from '../schema';
import claim, { ClaimRule } from './claim';
import type { KindDefinition } from './kind';
import limit, { LimitRule } from './limit';
import links, { LinksRule } from './links';
import model, { ModelRule } from './model';
import pattern, { PatternRule } from './pattern';
import pii, { PiiRule } from './pii';
import requireKind, { RequireRule } from './require';
import terms, { TermsRule } from './terms';
import tone, { ToneRule } from './tone';

export const KINDS: { [K in RuleKind]: KindDefinition<K> } = {
  terms,
  pattern,
  claim,
  limit,
  require: requireKind,
  pii,
  tone,
  links,
  model,
};

/** The schemas of the kinds, for the pack format's discriminated union (rules/schema.ts). */
export const RULE_SCHEMAS = [
  TermsRule,
  PatternRule,
  ClaimRule,
  LimitRule,
  RequireRule,
  PiiRule,
  ToneRule,
  LinksRule,
  ModelRule,
] as const;
