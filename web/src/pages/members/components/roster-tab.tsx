import { SettingOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  Input,
  InputNumber,
  Popover,
  Row,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useOrgs } from '../../../api/queries';
import { useRoster, useRosterOptions, type RosterQuery, type RosterRow } from '../../../api/roster';
import { QueryError } from '../../../components/query-error';
import { orgTreeOptions } from './org-tree-data';
import { MemberDrawer } from './member-drawer';

const STATUS_OPTIONS = [
  { value: 'full', label: '正式党员' },
  { value: 'probationary', label: '预备党员' },
  { value: 'suspended', label: '停止党籍' },
  { value: 'left', label: '出党' },
  { value: 'deceased', label: '死亡' },
  { value: 'candidate', label: '发展对象' },
  { value: 'activist', label: '入党积极分子' },
  { value: 'applicant', label: '入党申请人' },
];
const AWAY_OPTIONS = [
  { value: 'here', label: '全部（不含已转出）' },
  { value: 'away', label: '不在本地（流动、出国、失联）' },
  { value: 'mobile', label: '流动党员' },
  { value: 'abroad', label: '出国（境）' },
  { value: 'lostContact', label: '失联' },
  { value: 'transferredOut', label: '已转出' },
  { value: 'all', label: '全部（含已转出）' },
];

type ColumnKey =
  | 'gender'
  | 'ethnicity'
  | 'birthDate'
  | 'age'
  | 'idNumber'
  | 'education'
  | 'phone'
  | 'occupation'
  | 'org'
  | 'status'
  | 'joinedOn'
  | 'fullMemberSince'
  | 'partyYears'
  | 'away';

const COLUMN_LABELS: Record<ColumnKey, string> = {
  gender: '性别',
  ethnicity: '民族',
  birthDate: '出生日期',
  age: '年龄',
  idNumber: '公民身份号码',
  education: '学历',
  phone: '联系电话',
  occupation: '职业',
  org: '所在党组织',
  status: '党籍状态',
  joinedOn: '入党日期',
  fullMemberSince: '转正日期',
  partyYears: '党龄',
  away: '去向',
};
const DEFAULT_COLUMNS: ColumnKey[] = [
  'gender',
  'age',
  'idNumber',
  'education',
  'org',
  'status',
  'joinedOn',
  'partyYears',
  'away',
];

export function RosterTab({ canReveal, canRecord }: { canReveal: boolean; canRecord: boolean }) {
  const orgs = useOrgs();
  const options = useRosterOptions();
  const [query, setQuery] = useState<RosterQuery>({ page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const [columns, setColumns] = useState<ColumnKey[]>(DEFAULT_COLUMNS);
  const [openId, setOpenId] = useState<number | null>(null);
  const roster = useRoster(query);
  const forest = useMemo(() => orgTreeOptions(orgs.data ?? []), [orgs.data]);

  const set = (patch: Partial<RosterQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const all: Record<ColumnKey, ColumnsType<RosterRow>[number]> = {
    gender: { title: '性别', dataIndex: 'gender', width: 60 },
    ethnicity: { title: '民族', dataIndex: 'ethnicity', width: 80 },
    birthDate: { title: '出生日期', dataIndex: 'birthDate', width: 110 },
    age: { title: '年龄', dataIndex: 'age', width: 60 },
    idNumber: {
      title: '公民身份号码',
      dataIndex: 'idNumber',
      width: 190,
      render: (v: string | null) => <Typography.Text code>{v ?? '—'}</Typography.Text>,
    },
    education: { title: '学历', dataIndex: 'education', width: 80 },
    phone: { title: '联系电话', dataIndex: 'phone', width: 120 },
    occupation: { title: '职业', dataIndex: 'occupation', width: 110 },
    org: {
      title: '所在党组织',
      key: 'org',
      render: (_: unknown, r) =>
        r.villageName && r.villageName !== r.orgName
          ? `${r.villageName} › ${r.orgName}`
          : r.orgName,
    },
    status: {
      title: '党籍状态',
      dataIndex: 'statusLabel',
      width: 100,
      render: (label: string, r) => (
        <Tag
          color={r.status === 'full' ? 'red' : r.status === 'probationary' ? 'volcano' : 'default'}
        >
          {label}
        </Tag>
      ),
    },
    joinedOn: { title: '入党日期', dataIndex: 'joinedOn', width: 110 },
    fullMemberSince: { title: '转正日期', dataIndex: 'fullMemberSince', width: 110 },
    partyYears: {
      title: '党龄',
      dataIndex: 'partyYears',
      width: 70,
      render: (v: number | null) => (v === null ? '—' : `${v}年`),
    },
    away: {
      title: '去向',
      dataIndex: 'awayLabel',
      width: 100,
      render: (v: string | null) => (v ? <Tag color="orange">{v}</Tag> : null),
    },
  };
  const tableColumns: ColumnsType<RosterRow> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 90,
      fixed: 'left',
      render: (name: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => setOpenId(r.membershipId)}
        >
          {name}
        </Button>
      ),
    },
    ...columns.map((k) => ({ ...all[k], key: k })),
  ];

  if (roster.isError) {
    return <QueryError error={roster.error} onRetry={() => void roster.refetch()} />;
  }

  return (
    <Card>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            aria-label="检索姓名"
            placeholder="姓名开头、全拼或首字母（如 zs）"
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => set({ q: q.trim() === '' ? undefined : q.trim() })}
          />
        </Col>
        <Col xs={24} md={8}>
          <TreeSelect
            aria-label="所在党组织"
            style={{ width: '100%' }}
            placeholder="党组织（含下级）"
            allowClear
            treeDefaultExpandAll={false}
            treeData={forest}
            value={query.orgId}
            onChange={(v: number | undefined) => set({ orgId: v })}
          />
        </Col>
        <Col xs={24} md={8}>
          <Select
            aria-label="党籍状态"
            mode="multiple"
            style={{ width: '100%' }}
            placeholder="党籍状态：预备党员、正式党员"
            options={STATUS_OPTIONS}
            value={query.status ? query.status.split(',') : []}
            onChange={(v: string[]) => set({ status: v.length > 0 ? v.join(',') : undefined })}
          />
        </Col>
        <Col xs={12} md={4}>
          <Select
            aria-label="性别"
            style={{ width: '100%' }}
            placeholder="性别"
            allowClear
            options={[
              { value: '男', label: '男' },
              { value: '女', label: '女' },
            ]}
            value={query.gender}
            onChange={(v: '男' | '女' | undefined) => set({ gender: v })}
          />
        </Col>
        <Col xs={12} md={5}>
          <Select
            aria-label="学历"
            mode="multiple"
            style={{ width: '100%' }}
            placeholder="学历"
            options={(options.data?.education ?? []).map((e) => ({ value: e, label: e }))}
            value={query.education ? query.education.split(',') : []}
            onChange={(v: string[]) => set({ education: v.length > 0 ? v.join(',') : undefined })}
          />
        </Col>
        <Col xs={24} md={5}>
          <RangeFilter
            label="年龄"
            max={120}
            min={query.ageMin}
            maxValue={query.ageMax}
            onChange={(ageMin, ageMax) => set({ ageMin, ageMax })}
          />
        </Col>
        <Col xs={24} md={5}>
          <RangeFilter
            label="党龄"
            max={100}
            min={query.partyYearsMin}
            maxValue={query.partyYearsMax}
            onChange={(partyYearsMin, partyYearsMax) => set({ partyYearsMin, partyYearsMax })}
          />
        </Col>
        <Col xs={20} md={4}>
          <Select
            aria-label="去向"
            style={{ width: '100%' }}
            options={AWAY_OPTIONS}
            value={query.away ?? 'here'}
            onChange={(v: RosterQuery['away']) => set({ away: v })}
          />
        </Col>
        <Col xs={4} md={1}>
          <Popover
            trigger="click"
            title="显示的列"
            content={
              <Checkbox.Group
                style={{ display: 'grid', gap: 4 }}
                value={columns}
                options={(Object.keys(COLUMN_LABELS) as ColumnKey[]).map((k) => ({
                  value: k,
                  label: COLUMN_LABELS[k],
                }))}
                onChange={(v) => setColumns(v)}
              />
            }
          >
            <Button aria-label="选择列" icon={<SettingOutlined />} />
          </Popover>
        </Col>
      </Row>
      <Table<RosterRow>
        rowKey="membershipId"
        size="middle"
        loading={roster.isFetching}
        dataSource={roster.data?.items ?? []}
        columns={tableColumns}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: roster.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) =>
            roster.data?.totalIsLowerBound === true
              ? `共 ${lowerBoundText(total)} 人，可缩小范围或检索`
              : `共 ${total} 人`,
          onChange: (page, pageSize) =>
            setQuery((q) => ({ ...q, page: pageSize === q.pageSize ? page : 1, pageSize })),
        }}
      />
      <MemberDrawer
        membershipId={openId}
        canReveal={canReveal}
        canRecord={canRecord}
        onClose={() => setOpenId(null)}
      />
    </Card>
  );
}

/**
 * A total the server counted only up to its bound (ADR 0015): "1万+" from ten thousand on,
 * else the number with "+".
 */
function lowerBoundText(total: number): string {
  return total >= 10_000 ? `${Math.floor(total / 10_000)}万+` : `${total}+`;
}

/** A from–to pair of whole numbers (年龄, 党龄); an empty side means no bound. */
function RangeFilter(props: {
  label: string;
  max: number;
  min: number | undefined;
  maxValue: number | undefined;
  onChange: (min: number | undefined, max: number | undefined) => void;
}) {
  return (
    <Space.Compact>
      <InputNumber
        aria-label={`最小${props.label}`}
        placeholder={`${props.label}从`}
        min={0}
        max={props.max}
        value={props.min}
        onChange={(v) => props.onChange(v ?? undefined, props.maxValue)}
      />
      <InputNumber
        aria-label={`最大${props.label}`}
        placeholder="到"
        min={0}
        max={props.max}
        value={props.maxValue}
        onChange={(v) => props.onChange(props.min, v ?? undefined)}
      />
    </Space.Compact>
  );
}
