/** The 党员花名册 sheet's columns: the template's headers in order, and the other names that the
 * national system's exports use. Shared by the template, the export and the import (whose
 * reading thread loads this file without the database layer). */
import { EDUCATION_LEVELS } from '../../domain/roster/labels';

export const SHEET_NAME = '党员花名册';

export type RosterField =
  | 'name'
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'idNumber'
  | 'education'
  | 'phone'
  | 'occupation'
  | 'workUnit'
  | 'org'
  | 'status'
  | 'joinedOn'
  | 'fullMemberSince';

/** Template columns in order, with the other names the national system's exports use. */
export const ROSTER_COLUMNS: readonly {
  field: RosterField;
  header: string;
  aliases: readonly string[];
  required: boolean;
  width: number;
  note: string;
}[] = [
  { field: 'name', header: '姓名', aliases: [], required: true, width: 10, note: '必填' },
  {
    field: 'gender',
    header: '性别',
    aliases: [],
    required: false,
    width: 6,
    note: '男或女；空着按身份证号',
  },
  { field: 'ethnicity', header: '民族', aliases: [], required: false, width: 8, note: '如 汉族' },
  {
    field: 'birthDate',
    header: '出生日期',
    aliases: [],
    required: false,
    width: 12,
    note: 'YYYY-MM-DD；须与身份证号一致',
  },
  {
    field: 'idNumber',
    header: '公民身份号码',
    aliases: ['身份证号', '身份证号码', '公民身份证号码'],
    required: true,
    width: 22,
    note: '必填，18位，文本格式（不要让 Excel 变成数字）；同一文件不得重复',
  },
  {
    field: 'education',
    header: '学历',
    aliases: ['文化程度'],
    required: false,
    width: 10,
    note: EDUCATION_LEVELS.join('、'),
  },
  {
    field: 'phone',
    header: '联系电话',
    aliases: ['手机号码', '联系方式'],
    required: false,
    width: 14,
    note: '',
  },
  {
    field: 'occupation',
    header: '职业',
    aliases: ['工作岗位'],
    required: false,
    width: 12,
    note: '',
  },
  {
    field: 'workUnit',
    header: '工作单位及职务',
    aliases: ['工作单位'],
    required: false,
    width: 20,
    note: '',
  },
  {
    field: 'org',
    header: '所在党组织',
    aliases: ['所在党支部', '党组织名称', '所在支部'],
    required: true,
    width: 22,
    note: '必填，管辖范围内的党组织全称，如 河口村第一党支部；重名时写 上级›本级',
  },
  {
    field: 'status',
    header: '党籍状态',
    aliases: ['人员类别', '党员类别'],
    required: true,
    width: 10,
    note: '正式党员、预备党员等',
  },
  {
    field: 'joinedOn',
    header: '入党日期',
    aliases: ['加入党组织日期', '入党时间'],
    required: true,
    width: 12,
    note: '党员必填，YYYY-MM-DD',
  },
  {
    field: 'fullMemberSince',
    header: '转正日期',
    aliases: ['转为正式党员日期', '转正时间'],
    required: false,
    width: 12,
    note: '正式党员必填，不得早于入党日期',
  },
];

/** The header of each field, as the template writes it and reports name it. */
export const HEADER_OF: Record<RosterField, string> = Object.fromEntries(
  ROSTER_COLUMNS.map((c) => [c.field, c.header]),
) as Record<RosterField, string>;
