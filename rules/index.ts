/**
 * Preflight's engine: one API for the content script, the CLI, the tests and the benchmark.
 *
 *   const checker = compilePacks([pack]);
 *   checker.check(draft, { platform: 'x', locale: 'ja' }); // findings, sorted by position
 */
export {
  type ActiveRule,
  type Checker,
  type CheckOptions,
  type CompileOptions,
  compileChecker,
  localize,
  resolveRules,
} from './compile';
export { compilePacks } from './compile-packs';
export { type ExampleFailure, type ExampleReport, exampleCase, runExamples } from './examples';
export {
  formatPath,
  type Locate,
  loadPack,
  PACK_LIMITS,
  PackError,
  type PackIssue,
  type PathSegment,
  parseDocument,
  preparedPatterns,
  validatePack,
} from './load';
export * from './schema';
