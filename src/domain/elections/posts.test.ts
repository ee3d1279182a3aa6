import { describe, expect, it } from 'vitest';
import { checkRoundPosts, NO_ROUND_POSTS, postOf, type RoundPosts } from './posts';
import type { ElectionRound } from './types';

const round = (kind: ElectionRound['kind'], seats: number, names: string[]): ElectionRound => ({
  id: 'R',
  kind,
  date: '2026-11-20',
  seats,
  expectedVoters: 5,
  presentVoters: 5,
  ballotsIssued: 5,
  ballotsReturned: 5,
  candidates: names.map((name) => ({ name, votes: 5 })),
  round: '正式选举',
});
const posts = (p: Partial<RoundPosts>): RoundPosts => ({ ...NO_ROUND_POSTS, ...p });

describe('postOf', () => {
  it('keeps the old defaults when the round says nothing', () => {
    expect(postOf(round('党组织委员会', 3, ['甲']), NO_ROUND_POSTS, '甲')).toBe('委员');
    expect(postOf(round('村民委员会', 5, ['甲']), NO_ROUND_POSTS, '甲')).toBe('委员');
    expect(postOf(round('党组织书记副书记', 1, ['甲']), NO_ROUND_POSTS, '甲')).toBe('书记');
    expect(postOf(round('党组织书记副书记', 2, ['甲', '乙']), NO_ROUND_POSTS, '甲')).toBeNull();
  });

  it('uses the round’s post, and a candidate’s own post before it', () => {
    const r = round('党组织书记副书记', 2, ['甲', '乙']);
    const p = posts({ post: '副书记', candidatePosts: { 甲: '书记' } });
    expect(postOf(r, p, '甲')).toBe('书记');
    expect(postOf(r, p, '乙')).toBe('副书记');
    expect(postOf(round('村民委员会', 1, ['丙']), posts({ post: '主任' }), '丙')).toBe('主任');
  });
});

describe('checkRoundPosts', () => {
  it('refuses a post the kind of round cannot elect', () => {
    expect(checkRoundPosts(round('村民委员会', 1, ['甲']), posts({ post: '书记' }))?.field).toBe(
      'post',
    );
    expect(checkRoundPosts(round('村民委员会', 1, ['甲']), posts({ post: '主任' }))).toBeNull();
    expect(
      checkRoundPosts(round('党组织委员会', 3, ['甲']), posts({ candidatePosts: { 甲: '副书记' } }))
        ?.field,
    ).toBe('candidatePosts');
  });

  it('refuses a 书记 or 主任 post for more than one seat', () => {
    expect(
      checkRoundPosts(round('党组织书记副书记', 2, ['甲', '乙']), posts({ post: '书记' }))?.message,
    ).toContain('只设一名');
    expect(
      checkRoundPosts(round('党组织书记副书记', 1, ['甲', '乙']), posts({ post: '书记' })),
    ).toBeNull();
    const two = posts({ candidatePosts: { 甲: '书记', 乙: '书记' } });
    expect(checkRoundPosts(round('党组织书记副书记', 2, ['甲', '乙']), two)?.field).toBe(
      'candidatePosts',
    );
    expect(checkRoundPosts(round('党组织书记副书记', 1, ['甲', '乙']), two)).toBeNull();
    const mixed = posts({ candidatePosts: { 甲: '书记', 乙: '副书记' } });
    expect(checkRoundPosts(round('党组织书记副书记', 2, ['甲', '乙']), mixed)).toBeNull();
  });

  it('refuses a post for a name that is not a candidate', () => {
    expect(
      checkRoundPosts(round('村民委员会', 5, ['甲']), posts({ candidatePosts: { 丁: '主任' } }))
        ?.message,
    ).toContain('丁');
  });
});
