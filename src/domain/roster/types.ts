/**
 * 知根知底 domain types: membership events (党籍与组织关系的变动), 村两委 posts and 后备干部.
 * Status and dates of a membership change only through events, so history is never lost.
 */

/** What happened to a membership. Each kind has a Chinese label in MEMBERSHIP_EVENT_LABELS. */
export type MembershipEventKind =
  /** 建档：a membership first recorded (by hand, import or demo). */
  | 'recorded'
  /** 更正：dates or status corrected (import update, data cleaning); before/after kept. */
  | 'corrected'
  /** 接收为预备党员. */
  | 'admitted'
  /** 预备党员转正. */
  | 'confirmed'
  /** 组织关系转入. */
  | 'transferIn'
  /** 组织关系转出 (介绍信开出). */
  | 'transferOut'
  /** 转出介绍信回执已收到. */
  | 'transferReceived'
  /** 外出流动 (流动党员). */
  | 'mobileOut'
  /** 与流动党员的联系记录. */
  | 'mobileContact'
  /** 流动党员返回. */
  | 'mobileReturn'
  /** 出国（境）. */
  | 'abroad'
  /** 出国（境）返回. */
  | 'abroadReturn'
  /** 失去联系. */
  | 'lostContact'
  /** 恢复联系. */
  | 'contactRestored'
  /** 停止党籍. */
  | 'suspended'
  /** 恢复党籍. */
  | 'reinstated'
  /** 出党 (除名、开除、退党、自行脱党). */
  | 'left'
  /** 死亡. */
  | 'deceased';

/**
 * Where a member is: 流动, 出国（境）, 失联 (still belonging here), or 已转出 (the relationship has
 * left with a 介绍信; the member no longer counts here). null = here.
 */
export type AwayKind = 'mobile' | 'abroad' | 'lostContact' | 'transferredOut';

/** 村两委 and the 村务监督委员会. */
export type CadreBody = 'partyOrg' | 'villagersCommittee' | 'supervisoryCommittee';

/** 书记/副书记/委员 for the Party org; 主任/副主任/委员 for the committees. */
export type CadreTitle = 'secretary' | 'deputySecretary' | 'director' | 'deputyDirector' | 'member';

/** How ready a 后备干部 is: 成熟 (could take a post now) or 培养中. */
export type ReserveReadiness = 'ready' | 'developing';
