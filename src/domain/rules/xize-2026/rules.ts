/**
 * Deltas of the reported 2026 revision of the 细则 (reference.md §3). Its text has not been
 * verified: this set is off by default (settings.enable2026Revision) and every citation is 未核实.
 * Only deltas the dossier format can check are encoded; rules that did not change keep their
 * 2014 check with a dated 2026 citation (see xize-2014/rules.ts).
 */
import { addMonths } from '../../calendar/date';
import { XIZE_2026, xize2026 } from '../citation';
import type { Rule } from '../engine';

export const XIZE_2026_RULES: readonly Rule[] = [
  {
    id: 'DEV26-MEETING',
    ruleSet: 'xize-2026',
    levels: ['error'],
    title: '预审合格后一个月内提交支部大会（2026 年修订，待核实）',
    explanation:
      '据报道，2026 年修订的细则要求上级党委预审合格后一个月内提交支部大会讨论。正式文本尚未核实，默认不启用。',
    citations: [xize2026(19)],
    effectiveFrom: XIZE_2026.effectiveFrom,
    effectiveTo: null,
    check(ctx) {
      const pre = ctx.steps.preReview;
      if (pre === undefined) {
        return;
      }
      const deadline = addMonths(pre.date, 1);
      const meeting = ctx.steps.admissionMeeting;
      if (meeting !== undefined) {
        if (meeting.date > deadline) {
          ctx.report(
            'error',
            'admissionMeeting',
            meeting.date,
            `预审合格后一个月内应提交支部大会讨论（2026 年修订，待核实）：预审 ${pre.date}，最迟 ${deadline}，支部大会 ${meeting.date}。`,
            { preReviewDate: pre.date, deadline, meetingDate: meeting.date },
          );
        }
      } else if (ctx.asOf > deadline) {
        ctx.report(
          'error',
          'admissionMeeting',
          deadline,
          `预审合格后一个月内应提交支部大会讨论（2026 年修订，待核实）：预审 ${pre.date}，最迟 ${deadline}，截至 ${ctx.asOf} 仍未召开。`,
          { preReviewDate: pre.date, deadline, meetingDate: null, asOf: ctx.asOf },
        );
      }
    },
  },
  {
    id: 'DEV26-OATH',
    ruleSet: 'xize-2026',
    levels: ['warning'],
    title: '批准后一般一个月内入党宣誓（2026 年修订，待核实）',
    explanation:
      '据报道（仅一处来源），2026 年修订的细则要求预备党员一般在批准后一个月内宣誓。“一般”属于提醒级别；正式文本尚未核实，默认不启用。',
    citations: [xize2026(29)],
    effectiveFrom: XIZE_2026.effectiveFrom,
    effectiveTo: null,
    check(ctx) {
      const approval = ctx.steps.approval;
      if (approval === undefined) {
        return;
      }
      const deadline = addMonths(approval.date, 1);
      const oath = ctx.steps.oath;
      if (oath !== undefined) {
        if (oath.date > deadline) {
          ctx.report(
            'warning',
            'oath',
            approval.date,
            `批准后一般应在一个月内入党宣誓（2026 年修订，待核实）：批准 ${approval.date}，一般最迟 ${deadline}，宣誓 ${oath.date}。`,
            { approvalDate: approval.date, deadline, oathDate: oath.date },
          );
        }
      } else if (ctx.asOf > deadline) {
        ctx.report(
          'warning',
          'oath',
          approval.date,
          `批准后一般应在一个月内入党宣誓（2026 年修订，待核实）：批准 ${approval.date}，一般最迟 ${deadline}，截至 ${ctx.asOf} 未宣誓。`,
          { approvalDate: approval.date, deadline, oathDate: null, asOf: ctx.asOf },
        );
      }
    },
  },
];
