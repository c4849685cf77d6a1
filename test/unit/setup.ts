/**
 * Property tests explore new random cases on every local run; in CI they replay one fixed seed, so a
 * run that lands cannot fail on a case nobody has seen. A counterexample found locally becomes a
 * pinned example in its test.
 */
import fc from 'fast-check';

if (process.env.CI) fc.configureGlobal({ seed: 20261204 });
