/**
 * For the benchmark: compile the generated 1,000-rule pack, build its automaton and check a draft,
 * once, in a fresh process (as a tab does on its first check). Prints the wall times and the CPU time
 * of the whole (less disturbed on a shared machine), in ms, as JSON.
 */
import { compilePacks } from '../rules/index';
import { generatedPack } from './generated-pack';

const pack = generatedPack();
const cpu = process.cpuUsage();
const t0 = performance.now();
const checker = compilePacks([pack]);
const t1 = performance.now();
checker.prepare();
const t2 = performance.now();
checker.check('Our spring collection is here: light jackets in moss and slate.');
const t3 = performance.now();
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ compile: t1 - t0, automaton: t2 - t1, check: t3 - t2, cpu: (user + system) / 1000 }));
