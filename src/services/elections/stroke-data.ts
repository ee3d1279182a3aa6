/**
 * Stroke data for 姓氏笔画 order from the cnchar packages (cnchar + cnchar-order 3.2.6, MIT; the
 * data is inside the packages, nothing is fetched). Server side only: loading cnchar adds
 * `String.prototype.spell` and `String.prototype.stroke` (a global side effect), which is why the
 * pure ordering in src/domain/elections/strokes.ts takes the data as a function instead.
 */
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { strokeClassOf, type CharStrokes, type StrokeLookup } from '../../domain/elections/strokes';

cnchar.use(order);

const cache = new Map<string, CharStrokes | null>();

/** Stroke names of one character in writing order (`横撇|横钩` where the data has alternatives). */
export function strokeNames(char: string): string[] | null {
  const names = (cnchar.stroke(char, 'order', 'name') as unknown as (string[] | null)[])[0];
  return Array.isArray(names) && names.length > 0 ? names : null;
}

function read(char: string): CharStrokes | null {
  if ([...char].length !== 1) {
    return null;
  }
  const count = cnchar.stroke(char) as number;
  const names = strokeNames(char);
  if (names === null || count !== names.length) {
    return null;
  }
  const classes = names.map(strokeClassOf);
  return classes.every((c) => c !== null) ? { count, classes } : null;
}

/** The stroke count and stroke classes of a character from cnchar, or null with no data. */
export const cncharStrokes: StrokeLookup = (char) => {
  let found = cache.get(char);
  if (found === undefined) {
    found = read(char);
    cache.set(char, found);
  }
  return found;
};
