/**
 * The built-in pack's term forms and automaton in one file beside the bundle (scripts/build-cli.mjs
 * writes it, `check` reads it): a JSON header, then the automaton's typed arrays as raw bytes, so a
 * run installs the automaton without building it or parsing megabytes of text.
 */
import type { PrebuiltTerms } from '../rules/compile';
import type { AutomatonSnapshot } from '../rules/text/matcher';

type Arrays = Omit<AutomatonSnapshot, 'keys'>;
const KINDS = {
  lengths: Int32Array,
  lists: Int32Array,
  terms: Int32Array,
  bounds: Uint8Array,
  edgeStart: Int32Array,
  edgeCode: Uint16Array,
  edgeChild: Int32Array,
  fail: Int32Array,
  suffix: Int32Array,
  firstOut: Int32Array,
  outStart: Int32Array,
  outEntry: Int32Array,
} satisfies Record<keyof Arrays, unknown>;
const NAMES = Object.keys(KINDS) as (keyof Arrays)[];
const align = (n: number) => (n + 7) & ~7;

/**
 * Forms that take more than folding (an inflected lemma's, or a term with other spellings): worth
 * keeping; the rest cost less to make again than to read.
 */
const worthKeeping = (key: string, forms: readonly string[]) => key[0] === '1' || forms.length > 1;

/**
 * Header length (4 bytes), header (JSON), then each array from an 8-byte boundary. `build` names the
 * build that wrote it: the bundle knows its own, and takes no file another build left beside it.
 */
export function encodePrebuilt(
  { forms, automaton }: PrebuiltTerms,
  build = '',
  keep: (key: string, forms: readonly string[]) => boolean = worthKeeping,
): Uint8Array {
  const kept = Object.fromEntries(Object.entries(forms).filter(([key, value]) => keep(key, value)));
  const lengths = NAMES.map((name) => automaton[name].length);
  const header = new TextEncoder().encode(JSON.stringify({ build, forms: kept, keys: automaton.keys, lengths }));
  let size = align(4 + header.length);
  for (const name of NAMES) size = align(size + automaton[name].byteLength);
  const out = new Uint8Array(size);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 4);
  let at = align(4 + header.length);
  for (const name of NAMES) {
    const array = automaton[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align(at + array.byteLength);
  }
  return out;
}

/**
 * The file's contents read back; views over one copy of its bytes (the platform's byte order, as
 * written). Throws when `build` is given and another build wrote the file.
 */
export function decodePrebuilt(file: Uint8Array, build?: string): PrebuiltTerms {
  const bytes = file.slice();
  const headerLength = new DataView(bytes.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as {
    build: string;
    forms: PrebuiltTerms['forms'];
    keys: string;
    lengths: number[];
  };
  if (build !== undefined && header.build !== build) throw new Error('prebuilt terms of another build');
  const { forms, keys, lengths } = header;
  let at = align(4 + headerLength);
  const arrays: Record<string, Arrays[keyof Arrays]> = {};
  NAMES.forEach((name, index) => {
    const Kind = KINDS[name];
    const length = lengths[index]!;
    arrays[name] = new Kind(bytes.buffer, at, length);
    at = align(at + length * Kind.BYTES_PER_ELEMENT);
  });
  return { forms, automaton: { keys, ...(arrays as unknown as Arrays) } };
}
