/**
 * Reading packs from disk: one YAML/JSON file, or a source folder that splits a pack the way
 * people edit it:
 *
 *   pack.yaml               id, name, version, locales, sets, overrides; `manual:` lists section ids in order
 *   rules/<set>.yaml        a list of rules (a rule's `set` defaults to the file's name)
 *   lexicons/<id>.yaml      one lexicon: sources, inflect, terms (its `id` defaults to the file's name)
 *   models/<id>.json        one trained model (scripts/train-model.ts writes it)
 *   manual/<id>.<locale>.md a manual section; its first line "# Title" is the title
 *
 * `preflight pack build` joins a folder into one JSON file, the form the extension loads.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { type Locate, type Pack, PackError, type PathSegment, parseDocument, validatePack } from '../rules/index';

const RULE_FILE = /\.(ya?ml|json)$/i;
const MANUAL_FILE = /^([a-z0-9][a-z0-9._-]*)\.([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.md$/;

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new PackError([
      { file, path: '', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` },
    ]);
  }
}

/** Parse a manual file into its title (the first "# " line) and body (the rest). */
export function parseManualFile(text: string, file: string): { title: string; body: string } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((line) => line.trim() !== '');
  const heading = /^#\s+(.+?)\s*#*\s*$/.exec(lines[first] ?? '');
  if (!heading) throw new PackError([{ file, path: '', message: 'a manual section starts with a "# Title" line' }]);
  return {
    title: heading[1]!,
    body: lines
      .slice(first + 1)
      .join('\n')
      .trim(),
  };
}

/** Join a pack source folder into the document `validatePack` expects, and a map back to its files. */
export function joinPackFolder(dir: string): { document: Record<string, unknown>; locate: Locate } {
  const manifestFile = ['pack.yaml', 'pack.yml', 'pack.json'].map((name) => join(dir, name)).find(existsSync);
  if (!manifestFile) throw new PackError([{ file: dir, path: '', message: 'a pack folder needs a pack.yaml' }]);
  const manifest = parseDocument(read(manifestFile), manifestFile);
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new PackError([
      { file: manifestFile, path: '', message: 'expected a mapping with id, name, version, locales, sets' },
    ]);
  }
  const document: Record<string, unknown> = { ...(manifest as Record<string, unknown>) };
  const origins: { file: string; index: number }[] = [];
  const rules: unknown[] = Array.isArray(document.rules) ? [...document.rules] : [];
  for (let index = 0; index < rules.length; index++) origins.push({ file: manifestFile, index });

  const rulesDir = join(dir, 'rules');
  if (existsSync(rulesDir)) {
    for (const name of readdirSync(rulesDir)
      .filter((n) => RULE_FILE.test(n))
      .sort()) {
      const file = join(rulesDir, name);
      const parsed = parseDocument(read(file), file);
      if (!Array.isArray(parsed)) throw new PackError([{ file, path: '', message: 'expected a list of rules' }]);
      const set = basename(name).replace(RULE_FILE, '');
      parsed.forEach((rule, index) => {
        rules.push(rule && typeof rule === 'object' && !('set' in rule) ? { set, ...rule } : rule);
        origins.push({ file, index });
      });
    }
  }
  document.rules = rules;

  /** A folder of one item per file (lexicons/<id>.yaml, models/<id>.json), each with its file's name as id. */
  function itemsOf(field: 'lexicons' | 'models', expected: string) {
    const items: unknown[] = Array.isArray(document[field]) ? [...(document[field] as unknown[])] : [];
    const files: string[] = items.map(() => manifestFile!);
    const folder = join(dir, field);
    if (existsSync(folder)) {
      for (const name of readdirSync(folder)
        .filter((n) => RULE_FILE.test(n))
        .sort()) {
        const file = join(folder, name);
        const parsed = parseDocument(read(file), file);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
          throw new PackError([{ file, path: '', message: `expected ${expected}` }]);
        const id = basename(name).replace(RULE_FILE, '');
        if ('id' in parsed && parsed.id !== id)
          throw new PackError([
            { file, path: 'id', message: `the id "${String(parsed.id)}" differs from the file's name "${id}"` },
          ]);
        items.push({ id, ...parsed });
        files.push(file);
      }
    }
    if (items.length > 0) document[field] = items;
    return files;
  }

  const lexicons = itemsOf('lexicons', 'one lexicon: a mapping with sources and terms');
  // A model is data a script writes (scripts/train-model.ts): JSON, one per file.
  const models = itemsOf('models', 'one model: a mapping with sources, heads and weights');

  const manualDir = join(dir, 'manual');
  const sectionFiles: Record<string, Record<string, string>> = {};
  const sections = new Map<string, { id: string; title: Record<string, string>; body: Record<string, string> }>();
  if (existsSync(manualDir)) {
    for (const name of readdirSync(manualDir).sort()) {
      const match = MANUAL_FILE.exec(name);
      if (!match) continue;
      const [, id, locale] = match as unknown as [string, string, string];
      const file = join(manualDir, name);
      const { title, body } = parseManualFile(read(file), file);
      const section = sections.get(id) ?? { id, title: {}, body: {} };
      section.title[locale] = title;
      section.body[locale] = body;
      sections.set(id, section);
      sectionFiles[id] = { ...sectionFiles[id], [locale]: file };
    }
  }
  const order = Array.isArray(document.manual)
    ? document.manual.filter((id): id is string => typeof id === 'string')
    : [];
  const ordered = [
    ...order.filter((id) => sections.has(id)),
    ...[...sections.keys()].filter((id) => !order.includes(id)),
  ];
  for (const id of order) {
    if (!sections.has(id))
      throw new PackError([
        { file: manifestFile, path: 'manual', message: `no manual/${id}.<locale>.md for section "${id}"` },
      ]);
  }
  const manual = ordered.map((id) => sections.get(id)!);
  document.manual = manual;

  const locate: Locate = (path) => {
    const [head, index, ...rest] = path;
    if (head === 'rules' && typeof index === 'number' && origins[index]) {
      const origin = origins[index]!;
      return origin.file === manifestFile
        ? { file: relative(process.cwd(), manifestFile), path }
        : { file: relative(process.cwd(), origin.file), path: [origin.index, ...rest] as PathSegment[] };
    }
    const itemFiles = head === 'lexicons' ? lexicons : head === 'models' ? models : undefined;
    const itemFile = itemFiles && typeof index === 'number' ? itemFiles[index] : undefined;
    if (itemFile && itemFile !== manifestFile) return { file: relative(process.cwd(), itemFile), path: rest };
    if (head === 'manual' && typeof index === 'number' && manual[index]) {
      const files = sectionFiles[manual[index]!.id] ?? {};
      const locale = typeof rest[1] === 'string' ? rest[1] : Object.keys(files)[0];
      const file = locale ? files[locale] : undefined;
      if (file) return { file: relative(process.cwd(), file), path: rest.slice(0, 1) };
    }
    return { file: relative(process.cwd(), manifestFile), path };
  };
  return { document, locate };
}

/** Load a pack from a JSON/YAML file or a source folder; throws PackError. */
export function loadPackFrom(path: string): Pack {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new PackError([{ file: path, path: '', message: 'no such file or folder' }]);
  }
  if (isDir) {
    const { document, locate } = joinPackFolder(path);
    return validatePack(document, path, locate);
  }
  return validatePack(parseDocument(read(path), path), path);
}
