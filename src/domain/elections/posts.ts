/**
 * The posts a round elects (当选职务). The interchange format (election-format.md) has names and
 * votes only; a stored round may say which post it elects (`post`) and, for a round that elects
 * several posts at once (e.g. 书记 and 副书记 by the committee's full meeting), the post of each
 * candidate (`candidatePosts`). Without either, the old defaults hold: a committee round elects
 * 委员, a one-seat 党组织书记副书记 round elects 书记.
 */
import type { ElectionKind, ElectionRound } from './types';

export const ROUND_POSTS = ['书记', '副书记', '主任', '副主任', '委员'] as const;
/** A post a round elects: 书记/副书记/委员 of the Party committee, 主任/副主任/委员 of the 村委会. */
export type RoundPost = (typeof ROUND_POSTS)[number];

/** The posts each kind of round may elect. */
export const POSTS_BY_KIND: Readonly<Record<ElectionKind, readonly RoundPost[]>> = {
  党组织委员会: ['委员'],
  党组织书记副书记: ['书记', '副书记'],
  村民委员会: ['主任', '副主任', '委员'],
};

/** Posts held by one person only (书记 of the Party org, 主任 of the 村委会). */
export const SINGLE_HOLDER_POSTS: readonly RoundPost[] = ['书记', '主任'];

/** What a stored round says about posts (both optional). */
export interface RoundPosts {
  /** The post every elected person takes, unless `candidatePosts` names another. */
  post: RoundPost | null;
  /** Candidate name → post, for a round electing several posts at once. */
  candidatePosts: Readonly<Record<string, RoundPost>>;
}

export const NO_ROUND_POSTS: RoundPosts = { post: null, candidatePosts: {} };

/** Why the posts of a round cannot be used; the Chinese message names the field and value. */
export interface RoundPostsProblem {
  field: 'post' | 'candidatePosts';
  message: string;
}

/** Checks the posts against the round: allowed for its kind, named candidates, one 书记/主任. */
export function checkRoundPosts(round: ElectionRound, posts: RoundPosts): RoundPostsProblem | null {
  const allowed = POSTS_BY_KIND[round.kind];
  if (posts.post !== null && !allowed.includes(posts.post)) {
    return {
      field: 'post',
      message: `${round.kind}轮次不能选举“${posts.post}”（可选：${allowed.join('、')}）`,
    };
  }
  if (posts.post !== null && SINGLE_HOLDER_POSTS.includes(posts.post) && round.seats > 1) {
    return {
      field: 'post',
      message: `${posts.post}只设一名：应选 ${round.seats} 人的轮次不能都选为${posts.post}，请逐人注明职务`,
    };
  }
  const names = new Set(round.candidates.map((c) => c.name));
  const single = new Map<RoundPost, number>();
  for (const [name, post] of Object.entries(posts.candidatePosts)) {
    if (!names.has(name)) {
      return { field: 'candidatePosts', message: `“${name}”不是本轮的候选人，不能注明职务` };
    }
    if (!allowed.includes(post)) {
      return {
        field: 'candidatePosts',
        message: `${name}：${round.kind}轮次不能选举“${post}”（可选：${allowed.join('、')}）`,
      };
    }
    if (SINGLE_HOLDER_POSTS.includes(post)) {
      single.set(post, (single.get(post) ?? 0) + 1);
    }
  }
  for (const [post, count] of single) {
    if (round.seats > 1 && count > 1) {
      return {
        field: 'candidatePosts',
        message: `${post}只设一名：应选 ${round.seats} 人的轮次中有 ${count} 名${post}候选人，${post}的差额选举请单独一轮`,
      };
    }
  }
  return null;
}

/**
 * The post of one elected person: the candidate's own, else the round's, else the default of the
 * kind (委员 for a committee; 书记 for a one-seat 党组织书记副书记 round; none otherwise).
 */
export function postOf(round: ElectionRound, posts: RoundPosts, name: string): RoundPost | null {
  const own = posts.candidatePosts[name];
  if (own !== undefined) {
    return own;
  }
  if (posts.post !== null) {
    return posts.post;
  }
  if (round.kind === '党组织书记副书记') {
    return round.seats === 1 ? '书记' : null;
  }
  return '委员';
}
