/**
 * Offline Chinese search over the handbook, in process: whole words and parts of words
 * (character bigrams), pinyin initials (jsr → 介绍人), synonyms; ranked, with the matched words
 * marked. Built once from the documents; a query touches only the candidate documents.
 */
import { pinyin } from 'pinyin-pro';
import { synonymVariants } from './synonyms';

export const QUERY_MAX_LENGTH = 50;

/** One searchable item: a rule or a question. */
export interface SearchDocument {
  kind: 'rule' | 'question';
  id: string;
  /** Rule title or question text. */
  title: string;
  /** Explanation or answer. */
  explanation: string;
  /** Rule ids, citations, module name: found, but weighted low and not shown. */
  extra: string;
}

/** A piece of shown text, marked when it matched the query. */
export interface TextSegment {
  text: string;
  isHit: boolean;
}

export interface SearchHit {
  kind: SearchDocument['kind'];
  id: string;
  score: number;
  title: TextSegment[];
  snippet: TextSegment[];
}

export type QueryProblem = 'empty' | 'tooLong' | 'punctuationOnly';

export type SearchOutcome =
  | { ok: true; terms: string[]; variants: string[]; hits: SearchHit[] }
  | { ok: false; problem: QueryProblem; message: string };

interface Field {
  text: string;
  /** Character bigrams of `text`, for the share of a long word found without scanning. */
  grams: Set<string>;
  /** One lower-case letter (or the character itself) per UTF-16 unit of `text`. */
  initials: string;
}

interface IndexedDocument {
  doc: SearchDocument;
  /** Normalized id (dev-18). */
  id: string;
  title: Field;
  explanation: Field;
  extra: string;
}

export interface SearchIndex {
  docs: IndexedDocument[];
  /** Character bigram (or single character) → indexes of the documents containing it. */
  grams: Map<string, Set<number>>;
}

const FIELD_WEIGHTS = { title: 10, explanation: 4, extra: 2 } as const;
const SYNONYM_FACTOR = 0.8;
const PARTIAL_FACTOR = 0.5;
const SNIPPET_LENGTH = 72;
const ID_SCORE = 200;

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007
  );
}

function isWordChar(code: number): boolean {
  return isCjk(code) || (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}

/**
 * Full-width forms to ASCII and upper to lower case, keeping every character's position.
 * @example normalizeText('ＤＥＶ－０９') // 'dev-09'
 */
export function normalizeText(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      c -= 0xfee0;
    } else if (c === 0x3000) {
      c = 32;
    }
    if (c >= 65 && c <= 90) {
      c += 32;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

function initialsOf(text: string): string {
  const parts = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array' });
  if (parts.length !== text.length) {
    // Characters outside the BMP: fall back to no initials rather than misplace marks.
    return ' '.repeat(text.length);
  }
  return parts.map((p) => (p.length === 1 ? p.toLowerCase() : ' ')).join('');
}

function field(text: string): Field {
  const normalized = normalizeText(text);
  return { text: normalized, grams: gramsOf(normalized), initials: initialsOf(normalized) };
}

/** Character bigrams of the word characters of `s` (single characters for one-letter runs). */
function gramsOf(s: string): Set<string> {
  const out = new Set<string>();
  let run = '';
  const flush = () => {
    if (run.length === 1) {
      out.add(run);
    }
    for (let i = 0; i + 1 < run.length; i++) {
      out.add(run.slice(i, i + 2));
    }
    run = '';
  };
  for (let i = 0; i < s.length; i++) {
    if (isWordChar(s.charCodeAt(i))) {
      run += s[i];
    } else {
      flush();
    }
  }
  flush();
  return out;
}

/** Builds the index; call once and keep it. */
export function buildSearchIndex(documents: readonly SearchDocument[]): SearchIndex {
  const docs: IndexedDocument[] = documents.map((doc) => ({
    doc,
    id: normalizeText(doc.id),
    title: field(doc.title),
    explanation: field(doc.explanation),
    extra: normalizeText(doc.extra),
  }));
  const grams = new Map<string, Set<number>>();
  docs.forEach((d, i) => {
    const all = `${d.title.text}\n${d.explanation.text}\n${d.extra}`;
    const add = (g: string) => {
      let set = grams.get(g);
      if (set === undefined) {
        set = new Set();
        grams.set(g, set);
      }
      set.add(i);
    };
    for (const g of gramsOf(all)) {
      add(g);
      // Single characters too, so a one-character query finds its documents.
      for (const ch of g) {
        add(ch);
      }
    }
  });
  return { docs, grams };
}

/** Reads a query: the terms to look for, or why there are none. */
export function parseQuery(
  raw: string,
): { ok: true; terms: string[] } | { ok: false; problem: QueryProblem; message: string } {
  const trimmed = raw.trim();
  if (trimmed === '') {
    return { ok: false, problem: 'empty', message: '请输入要查找的问题或关键词' };
  }
  if (trimmed.length > QUERY_MAX_LENGTH) {
    return {
      ok: false,
      problem: 'tooLong',
      message: `查询内容不能超过 ${QUERY_MAX_LENGTH} 个字（现有 ${trimmed.length} 个），请只输入关键词`,
    };
  }
  const normalized = normalizeText(trimmed);
  const terms: string[] = [];
  let run = '';
  for (let i = 0; i <= normalized.length; i++) {
    const code = i < normalized.length ? normalized.charCodeAt(i) : 32;
    // A hyphen inside a word keeps rule ids such as dev-09 together.
    if (isWordChar(code) || (code === 45 && run !== '')) {
      run += String.fromCharCode(code);
    } else if (run !== '') {
      terms.push(run.replace(/-+$/, ''));
      run = '';
    }
  }
  const unique = [...new Set(terms.filter((t) => t !== ''))];
  if (unique.length === 0) {
    return {
      ok: false,
      problem: 'punctuationOnly',
      message: '查询内容只有标点符号，请输入文字或拼音首字母',
    };
  }
  return { ok: true, terms: unique };
}

function isLatinWord(term: string): boolean {
  return /^[a-z]+$/.test(term);
}

interface TermMatch {
  score: number;
  title: [number, number][];
  explanation: [number, number][];
}

function occurrences(text: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle === '') {
    return out;
  }
  let at = text.indexOf(needle);
  while (at !== -1) {
    out.push([at, at + needle.length]);
    at = text.indexOf(needle, at + needle.length);
  }
  return out;
}

/** The share of `grams` found in a field, and (when asked) the ranges of the field they cover. */
function partial(
  f: Field,
  grams: Set<string>,
  withRanges: boolean,
): { share: number; ranges: [number, number][] } {
  let found = 0;
  for (const g of grams) {
    if (f.grams.has(g)) {
      found += 1;
    }
  }
  const ranges: [number, number][] = [];
  if (withRanges && found > 0) {
    for (let i = 0; i + 1 < f.text.length; i++) {
      if (grams.has(f.text.slice(i, i + 2))) {
        ranges.push([i, i + 2]);
      }
    }
  }
  return { share: grams.size === 0 ? 0 : found / grams.size, ranges };
}

/** A term with its synonym variants, each with its weight and bigrams, prepared once per query. */
interface PreparedTerm {
  term: string;
  needles: { text: string; factor: number; grams: Set<string> }[];
}

function prepareTerm(term: string): PreparedTerm {
  return {
    term,
    needles: [
      { text: term, factor: 1, grams: gramsOf(term) },
      ...synonymVariants(term).map((v) => ({ text: v, factor: SYNONYM_FACTOR, grams: gramsOf(v) })),
    ],
  };
}

function matchTerm(d: IndexedDocument, prepared: PreparedTerm, withRanges: boolean): TermMatch {
  const { term, needles } = prepared;
  const m: TermMatch = { score: 0, title: [], explanation: [] };
  const weightOf = (factor: number, needle: string) => factor * Math.min(needle.length, 6);
  for (const { text: needle, factor } of needles) {
    const t = occurrences(d.title.text, needle);
    const b = occurrences(d.explanation.text, needle);
    const inExtra = d.extra.includes(needle);
    if (t.length > 0) {
      m.score = Math.max(m.score, FIELD_WEIGHTS.title * weightOf(factor, needle) + b.length);
    }
    if (b.length > 0) {
      m.score = Math.max(
        m.score,
        FIELD_WEIGHTS.explanation * weightOf(factor, needle) + Math.min(b.length, 3),
      );
    }
    if (inExtra) {
      m.score = Math.max(m.score, FIELD_WEIGHTS.extra * weightOf(factor, needle));
    }
    m.title.push(...t);
    m.explanation.push(...b);
  }
  if (term === d.id) {
    // The rule id itself: the rule comes before everything that merely cites it.
    m.score = Math.max(m.score, ID_SCORE);
  }
  if (isLatinWord(term) && term.length >= 2) {
    const t = occurrences(d.title.initials, term);
    const b = occurrences(d.explanation.initials, term);
    if (t.length > 0) {
      m.score = Math.max(m.score, FIELD_WEIGHTS.title * term.length * 0.6);
    } else if (b.length > 0) {
      m.score = Math.max(m.score, FIELD_WEIGHTS.explanation * term.length * 0.6);
    }
    m.title.push(...t);
    m.explanation.push(...b);
  }
  if (m.score === 0 && term.length >= 3) {
    // Part of a long word: most of its bigrams (or a synonym's) appear in the title or explanation.
    for (const { text: needle, factor, grams } of needles) {
      const t = partial(d.title, grams, withRanges);
      const b = partial(d.explanation, grams, withRanges);
      if (Math.max(t.share, b.share) < 0.5) {
        continue;
      }
      const best = Math.max(t.share * FIELD_WEIGHTS.title, b.share * FIELD_WEIGHTS.explanation);
      const score = best * PARTIAL_FACTOR * factor * Math.min(needle.length, 6);
      if (score > m.score) {
        m.score = score;
      }
      m.title.push(...t.ranges);
      m.explanation.push(...b.ranges);
    }
  }
  return m;
}

function segments(
  text: string,
  ranges: [number, number][],
  from = 0,
  to = text.length,
): TextSegment[] {
  const marks = new Uint8Array(to - from);
  for (const [a, b] of ranges) {
    for (let i = Math.max(a, from); i < Math.min(b, to); i++) {
      marks[i - from] = 1;
    }
  }
  const out: TextSegment[] = [];
  for (let i = from; i < to; i++) {
    const isHit = marks[i - from] === 1;
    const last = out[out.length - 1];
    if (last !== undefined && last.isHit === isHit) {
      last.text += text[i];
    } else {
      out.push({ text: text[i] ?? '', isHit });
    }
  }
  return out;
}

function snippet(original: string, ranges: [number, number][]): TextSegment[] {
  if (original.length <= SNIPPET_LENGTH) {
    return segments(original, ranges);
  }
  const first = ranges.reduce((min, r) => Math.min(min, r[0]), original.length);
  const start =
    first === original.length
      ? 0
      : Math.max(0, Math.min(first - 16, original.length - SNIPPET_LENGTH));
  const end = Math.min(original.length, start + SNIPPET_LENGTH);
  const out = segments(original, ranges, start, end);
  if (start > 0) {
    out.unshift({ text: '…', isHit: false });
  }
  if (end < original.length) {
    out.push({ text: '…', isHit: false });
  }
  return out;
}

/** Candidate documents of a term: those holding any of its bigrams (or all, for initials). */
function candidates(
  index: SearchIndex,
  needles: readonly string[],
  term: string,
  into: Set<number>,
): void {
  if (isLatinWord(term) && term.length >= 2) {
    for (let i = 0; i < index.docs.length; i++) {
      into.add(i);
    }
    return;
  }
  for (const needle of needles) {
    for (const g of gramsOf(needle)) {
      for (const i of index.grams.get(g) ?? []) {
        into.add(i);
      }
    }
  }
}

/**
 * Ranked matches of `query`, best first.
 * @example searchHandbook(index, '介绍人').hits[0].title // [{ text: '预备党员能否担任入党', isHit: false }, { text: '介绍人', isHit: true }, …]
 */
export function searchHandbook(index: SearchIndex, query: string, limit = 20): SearchOutcome {
  const parsed = parseQuery(query);
  if (!parsed.ok) {
    return parsed;
  }
  const prepared = parsed.terms.map(prepareTerm);
  const variantsByTerm = prepared.map((p) => p.needles.slice(1).map((n) => n.text));
  const pool = new Set<number>();
  parsed.terms.forEach((t, i) => candidates(index, [t, ...(variantsByTerm[i] ?? [])], t, pool));

  // First pass: scores only. Second pass, for the hits shown: the ranges to mark.
  const match = (d: IndexedDocument, withRanges: boolean) => {
    let score = 0;
    let matched = 0;
    const title: [number, number][] = [];
    const explanation: [number, number][] = [];
    prepared.forEach((p) => {
      const m = matchTerm(d, p, withRanges);
      if (m.score > 0) {
        matched += 1;
        score += m.score;
        title.push(...m.title);
        explanation.push(...m.explanation);
      }
    });
    // Documents matching every term rank above those matching some.
    return { score: (score * matched) / parsed.terms.length, title, explanation };
  };
  const scored: { i: number; score: number }[] = [];
  for (const i of pool) {
    const d = index.docs[i];
    const score = d === undefined ? 0 : match(d, false).score;
    if (score > 0) {
      scored.push({ i, score });
    }
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const hits = scored.slice(0, limit).map(({ i, score }): SearchHit => {
    const d = index.docs[i] as IndexedDocument;
    const { title, explanation } = match(d, true);
    return {
      kind: d.doc.kind,
      id: d.doc.id,
      score: Math.round(score * 10) / 10,
      title: segments(d.doc.title, title),
      snippet: snippet(d.doc.explanation, explanation),
    };
  });
  return { ok: true, terms: parsed.terms, variants: [...new Set(variantsByTerm.flat())], hits };
}
