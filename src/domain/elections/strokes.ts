/**
 * 姓氏笔画 order for ballots, tally sheets and announcements (the customary order of 党内 and
 * government name lists, after GB/T 13418《文字条目通用排序规则》; 条款未核实):
 *
 * 1. the surname first: fewer strokes first; on equal counts the strokes are compared one by one
 *    in writing order by their class 横（一、提）< 竖（丨、竖钩）< 撇 < 点（丶、捺）< 折 (all turning
 *    strokes), so 王（横起）< 井 and 于 < 习 < 马;
 * 2. then the given name, character by character, the same way; a shorter name that is a prefix
 *    of a longer one comes first;
 * 3. a compound surname (欧阳, 司马, 诸葛 …) is the surname as a whole, so every 欧 comes before
 *    every 欧阳 (本系统口径) and names with one surname stay together;
 * 4. two characters with the same count and stroke classes are ordered by code point (so the same
 *    character groups), then equal names keep the order they were given.
 *
 * The stroke data is passed in (`StrokeLookup`): the server reads it from the cnchar data package
 * (src/services/elections/stroke-data.ts), which patches String.prototype when loaded and so is
 * kept out of this pure layer. A character with no data sorts after every character with data at
 * its position and the name is reported in `unknown`.
 */

/** The five stroke classes in sorting order (横竖撇点折). */
export const STROKE_CLASSES = ['横', '竖', '撇', '点', '折'] as const;
export type StrokeClass = (typeof STROKE_CLASSES)[number];

/** Stroke data of one character. */
export interface CharStrokes {
  /** 笔画数 */
  count: number;
  /** The class of each stroke in writing order (笔顺); length = count. */
  classes: readonly StrokeClass[];
}

/** Stroke data of a character, or null when none is known. */
export type StrokeLookup = (char: string) => CharStrokes | null;

/**
 * Stroke names (as in 《GB13000.1字符集汉字折笔规范》 and the cnchar-order data) of the first four
 * classes; every other named stroke turns (折、弯、钩 except 竖钩) and is 折.
 */
const NAMED: Record<string, StrokeClass> = {
  横: '横',
  提: '横',
  竖: '竖',
  竖钩: '竖',
  撇: '撇',
  点: '点',
  点2: '点',
  捺: '点',
};

/** Turning strokes seen in the data (GB 2312 characters); all are 折. */
export const TURNING_STROKES: readonly string[] = [
  '横折',
  '横撇',
  '横钩',
  '横折钩',
  '撇折',
  '竖弯钩',
  '竖提',
  '竖弯',
  '斜钩',
  '卧钩',
  '竖折折钩',
  '撇点',
  '横折折折钩',
  '横撇弯钩',
  '横斜钩',
  '横折折撇',
  '横折提',
  '弯钩',
  '横折折',
  '横折弯',
  '竖折撇',
  '竖折折',
  '横折折折',
];

/**
 * The class of a named stroke; a name with alternatives (`横撇|横钩`) has a class only when all
 * alternatives agree. Null for a name this table does not know.
 * @example strokeClassOf('竖钩') // '竖'; strokeClassOf('横折钩') // '折'; strokeClassOf('捺') // '点'
 */
export function strokeClassOf(name: string): StrokeClass | null {
  const classes = name
    .split('|')
    .map((n) => NAMED[n] ?? (TURNING_STROKES.includes(n) ? '折' : null));
  const first = classes[0] ?? null;
  return classes.every((c) => c === first) ? first : null;
}

/** Common compound surnames (复姓); a name starting with one and at least 3 characters long uses it. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '司空',
  '夏侯',
  '令狐',
  '端木',
  '澹台',
  '万俟',
  '轩辕',
  '独孤',
  '南宫',
  '西门',
  '闻人',
  '呼延',
  '申屠',
  '钟离',
  '百里',
  '东郭',
  '濮阳',
  '太史',
];

/** Characters of a name without spaces and the middle dot of transcribed names (·). */
function characters(name: string): string[] {
  return [...name].filter((c) => !/[\s·•．.]/u.test(c));
}

/** Surname and given name (compound surnames when the name is long enough to have both). */
export function splitName(name: string): { surname: string[]; given: string[] } {
  const chars = characters(name);
  const compound =
    chars.length >= 3 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return { surname: chars.slice(0, compound), given: chars.slice(compound) };
}

function compareChars(a: string, b: string, lookup: StrokeLookup): number {
  if (a === b) {
    return 0;
  }
  const x = lookup(a);
  const y = lookup(b);
  if (x === null || y === null) {
    if (x !== y) {
      return x === null ? 1 : -1;
    }
  } else {
    if (x.count !== y.count) {
      return x.count - y.count;
    }
    for (let i = 0; i < Math.min(x.classes.length, y.classes.length); i++) {
      const d =
        STROKE_CLASSES.indexOf(x.classes[i] as StrokeClass) -
        STROKE_CLASSES.indexOf(y.classes[i] as StrokeClass);
      if (d !== 0) {
        return d;
      }
    }
  }
  return (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0);
}

function compareSequences(a: string[], b: string[], lookup: StrokeLookup): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = compareChars(a[i] as string, b[i] as string, lookup);
    if (d !== 0) {
      return d;
    }
  }
  return a.length - b.length;
}

/** Compares two names in 姓氏笔画 order (negative: `a` first). */
export function compareByStrokes(a: string, b: string, lookup: StrokeLookup): number {
  const x = splitName(a);
  const y = splitName(b);
  return (
    compareSequences(x.surname, y.surname, lookup) || compareSequences(x.given, y.given, lookup)
  );
}

/** Names in 姓氏笔画 order, and the names that contain a character with no stroke data. */
export interface StrokeOrder {
  names: string[];
  /** Sorted after the known characters at their position: check them by hand. */
  unknown: string[];
}

/**
 * Names in 姓氏笔画 order (stable for equal names).
 * @example strokeOrder(['周平', '王海', '李秀英', '吴丽'], lookup).names // ['王海', '李秀英', '吴丽', '周平']
 */
export function strokeOrder(names: readonly string[], lookup: StrokeLookup): StrokeOrder {
  const sorted = names
    .map((name, i) => ({ name, i }))
    .sort((a, b) => compareByStrokes(a.name, b.name, lookup) || a.i - b.i)
    .map((k) => k.name);
  return {
    names: sorted,
    unknown: sorted.filter((n) => characters(n).some((c) => lookup(c) === null)),
  };
}
