/**
 * For the benchmark: compile the generated 1,000-rule pack, build its automaton and check a draft,
 * once, in a fresh process (as a tab does on its first check). Prints the wall times and the CPU time
 * of the whole (less disturbed on a shared machine), in ms, as JSON. Given a file of prebuilt term
 * forms and automaton (cli/prebuilt-terms.ts), reads and installs it instead of building (`load`).
 */
import { readFileSync } from 'node:fs';
import { decodePrebuilt } from '../cli/prebuilt-terms';
import { compilePacks } from '../rules/index';
import { generatedPack } from './generated-pack';

const pack = generatedPack();
const file = process.argv[2];
const cpu = process.cpuUsage();
const t0 = performance.now();
const prebuilt = file ? decodePrebuilt(readFileSync(file)) : undefined;
const loaded = performance.now();
const checker = compilePacks([pack], { prebuilt });
const t1 = performance.now();
checker.prepare();
const t2 = performance.now();
checker.check('Our spring collection is here: light jackets in moss and slate.');
const t3 = performance.now();
const { user, system } = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    load: loaded - t0,
    compile: t1 - loaded,
    automaton: t2 - t1,
    check: t3 - t2,
    cpu: (user + system) / 1000,
  }),
);
