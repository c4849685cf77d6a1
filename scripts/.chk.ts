import { DEFAULT_PACK_DIR } from '../cli/builtin-pack';
import { loadPackFrom } from '../cli/pack-source';
import { compilePacks } from '../rules/index';
const checker = compilePacks([loadPackFrom(DEFAULT_PACK_DIR)]);
for (const text of process.argv.slice(2)) {
  const f = checker.check(text, { platform: 'x', locale: 'ja' }).map((x) => `${x.severity}:${x.ruleId}「${text.slice(x.start, x.end)}」`);
  console.log(text.slice(0, 40), '=>', f.join(' | ') || '-');
}
