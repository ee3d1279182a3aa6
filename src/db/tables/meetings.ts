/**
 * 组织生活 and 学习培训 tables: meetings with attendance, study-hour exemptions (EDU-06), and
 * training classes (轮训班) with sessions, trainees and attendance. Hours are stored as whole
 * minutes (1.5 学时 = 90) so both databases hold exact integers.
 */
import type { Generated } from 'kysely';
import type { MeetingKind } from '../../domain/organization-life/types';

export interface MeetingTable {
  id: Generated<number>;
  /** The 党支部 that held the meeting. */
  orgId: number;
  /** The 党小组 for a 党小组会. */
  groupOrgId: number | null;
  areaCode: string;
  kind: MeetingKind;
  date: string;
  topic: string;
  /** 主持人/讲课人 from the roster, or null with only a name. */
  presenterPersonId: number | null;
  presenterName: string;
  location: string | null;
  minutes: string;
  decisions: string;
  /** Study minutes credited to each attendee by default. */
  studyMinutes: number;
  createdAt: string;
  updatedAt: string;
  createdByName: string;
}

export interface MeetingAttendanceTable {
  id: Generated<number>;
  meetingId: number;
  personId: number;
  areaCode: string;
  /** 'present' or 'absent'. */
  status: 'present' | 'absent';
  /** Reason for an absence (请假理由); null for 'present' or an unexplained absence. */
  absenceReason: string | null;
  /** Study minutes credited (0 when absent). */
  studyMinutes: number;
}

/** A member not held to study hours and attendance (年老体弱、行动不便、重病或失能, EDU-06). */
export interface StudyExemptionTable {
  id: Generated<number>;
  personId: number;
  orgId: number;
  areaCode: string;
  reason: string;
  fromDate: string;
  /** Last day; null while it holds. */
  toDate: string | null;
  createdAt: string;
}

/** 轮训班 / 培训班. */
export interface TrainingClassTable {
  id: Generated<number>;
  /** The org that runs it (乡镇党委, 县委组织部 …). */
  orgId: number;
  areaCode: string;
  name: string;
  /** 主办单位 as written on the certificate. */
  organizer: string;
  startDate: string;
  endDate: string;
  /** 1 when it is a 集中培训 (EDU-14). */
  centralized: number;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingSessionTable {
  id: Generated<number>;
  classId: number;
  areaCode: string;
  date: string;
  /** Length of the session in minutes. */
  studyMinutes: number;
  topic: string;
  teacher: string;
}

export interface TrainingTraineeTable {
  id: Generated<number>;
  classId: number;
  personId: number;
  areaCode: string;
  /** 'member' (党员) or 'cadre' (村两委干部). */
  category: 'member' | 'cadre';
}

export interface TrainingAttendanceTable {
  id: Generated<number>;
  sessionId: number;
  classId: number;
  personId: number;
  areaCode: string;
  /** Minutes credited, at most the session's length. */
  studyMinutes: number;
}

export interface MeetingsTables {
  meeting: MeetingTable;
  meetingAttendance: MeetingAttendanceTable;
  studyExemption: StudyExemptionTable;
  trainingClass: TrainingClassTable;
  trainingSession: TrainingSessionTable;
  trainingTrainee: TrainingTraineeTable;
  trainingAttendance: TrainingAttendanceTable;
}
