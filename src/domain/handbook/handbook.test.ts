import { describe, expect, it } from 'vitest';
import { allRules } from '../rule-index';
import { buildHandbook, handbookDocuments, settingsOfRule } from './catalogue';
import { HANDBOOK_QUESTIONS } from './questions';
import { buildSearchIndex, searchHandbook } from './search';

const rules = allRules();
const handbook = buildHandbook(rules, HANDBOOK_QUESTIONS);

describe('handbook catalogue', () => {
  it('covers every rule id of every module catalogue', () => {
    const ids = new Set(handbook.rules.map((r) => r.id));

    expect(rules.filter((r) => !ids.has(r.id)).map((r) => r.id)).toEqual([]);
    for (const topic of handbook.topics) {
      expect(topic.ruleIds.every((id) => ids.has(id))).toBe(true);
    }
    const byTopic = handbook.topics.flatMap((t) => t.ruleIds).sort();
    expect(byTopic).toEqual(rules.map((r) => r.id).sort());
    const byInstrument = new Set(handbook.instruments.flatMap((g) => g.ruleIds));
    expect(rules.filter((r) => !byInstrument.has(r.id))).toEqual([]);
  });

  it('shows the 党费 rules under their own module', () => {
    const dues = handbook.topics.find((t) => t.module === 'dues');

    expect(dues?.ruleIds).toEqual(['DUES-01', 'DUES-02', 'DUES-05', 'DUES-06']);
  });

  it('names the local settings that change a rule, with their source', () => {
    expect(settingsOfRule('DEV-NOTICE').map((s) => s.key)).toEqual([
      'publicNoticeCheck',
      'publicNoticeWorkdays',
      'strictNoticeCounting',
    ]);
    expect(settingsOfRule('DEV-04')[0]?.source).toContain('reference.md §12');
    expect(settingsOfRule('DUES-06')[0]?.defaultValue).toBe('0.20');
    expect(settingsOfRule('DEV-01')).toEqual([]);
  });

  it('marks unverified article numbers in the formatted citation', () => {
    const dev09 = handbook.rules.find((r) => r.id === 'DEV-09');
    const q01 = handbook.questions.find((q) => q.id === 'Q01');

    expect(dev09?.citations[0]?.text).toContain('条号待核实');
    expect(q01?.citations[0]?.text).toBe('《中国共产党发展党员工作细则》第十四条（条号待核实）');
  });
});

describe('questions and answers', () => {
  it('has at least 60 questions with unique ids', () => {
    const ids = HANDBOOK_QUESTIONS.map((q) => q.id);

    expect(HANDBOOK_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('cites only rule ids that exist in allRules()', () => {
    const known = new Set(rules.map((r) => r.id));

    const unknown = HANDBOOK_QUESTIONS.flatMap((q) =>
      q.ruleIds.filter((id) => !known.has(id)).map((id) => `${q.id}: ${id}`),
    );

    expect(unknown).toEqual([]);
  });

  it('gives every answer a conclusion and at least one citation', () => {
    for (const q of HANDBOOK_QUESTIONS) {
      expect(q.question, q.id).toMatch(/[？?]$/);
      expect(q.answer.length, q.id).toBeGreaterThan(8);
      expect(q.citations.length, q.id).toBeGreaterThan(0);
    }
  });

  it('answers the questions the issue names', () => {
    const texts = HANDBOOK_QUESTIONS.map((q) => q.question);

    for (const wanted of [
      '预备党员能否担任入党介绍人',
      '支部大会表决时因病缺席的党员能否书面表决',
      '积极分子工作调动后',
      '村党组织能否审批预备党员',
      '预备期能否延长两次',
      '党费基数包括哪些收入',
    ]) {
      expect(
        texts.some((t) => t.includes(wanted)),
        wanted,
      ).toBe(true);
    }
  });
});

describe('searchHandbook', () => {
  const index = buildSearchIndex(handbookDocuments(handbook));
  const hitText = (segments: { text: string; isHit: boolean }[]) =>
    segments.filter((s) => s.isHit).map((s) => s.text);

  it('finds whole words and marks them', () => {
    const result = searchHandbook(index, '介绍人');

    expect(result.ok).toBe(true);
    const hits = result.ok ? result.hits : [];
    expect(hits[0]?.kind).toBe('question');
    expect(hits.map((h) => h.id)).toContain('Q01');
    expect(hits.map((h) => h.id)).toContain('DEV-09');
    expect(hitText(hits[0]?.title ?? []).join('')).toContain('介绍人');
  });

  it('finds words by their pinyin initials', () => {
    const result = searchHandbook(index, 'jsr');

    const hits = result.ok ? result.hits : [];
    expect(hits.map((h) => h.id)).toContain('Q01');
    const q01 = hits.find((h) => h.id === 'Q01');
    expect(hitText(q01?.title ?? [])).toEqual(['介绍人']);
  });

  it('finds synonyms: 转正 finds 转为正式党员 and back', () => {
    const result = searchHandbook(index, '转正');
    const back = searchHandbook(index, '转为正式党员');

    expect(result.ok && result.variants).toContain('转为正式党员');
    expect(result.ok ? result.hits.map((h) => h.id) : []).toContain('DEV-26');
    expect(back.ok ? back.hits.length : 0).toBeGreaterThan(0);
  });

  it('finds parts of words and rule ids', () => {
    const part = searchHandbook(index, '审批预备');
    const id = searchHandbook(index, 'DEV-18');
    const fullWidth = searchHandbook(index, 'ＤＥＶ－１８');

    expect(part.ok ? part.hits.map((h) => h.id) : []).toContain('Q06');
    expect(id.ok ? id.hits[0]?.id : null).toBe('DEV-18');
    expect(fullWidth.ok ? fullWidth.hits[0]?.id : null).toBe('DEV-18');
  });

  it('ranks documents matching every term first', () => {
    const result = searchHandbook(index, '退休 党费');

    expect(result.ok ? result.hits[0]?.id : null).toMatch(/^(Q44|DUES-05)$/);
  });

  it('returns no hits, not an error, for a word that is nowhere', () => {
    const result = searchHandbook(index, '火星基地');

    expect(result).toMatchObject({ ok: true, hits: [] });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['？！。，、', 'punctuationOnly'],
    ['...---', 'punctuationOnly'],
    ['党'.repeat(51), 'tooLong'],
  ])('refuses %j with a Chinese message (%s)', (query, problem) => {
    const result = searchHandbook(index, query);

    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows a snippet of a long answer around the first match', () => {
    const result = searchHandbook(index, '流动人员');

    const hit = result.ok ? result.hits.find((h) => h.id === 'Q17') : undefined;
    expect(hitText(hit?.snippet ?? [])).toContain('流动人员');
  });
});
