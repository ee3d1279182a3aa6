import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Empty,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client';
import { revealIdNumber, rosterKeys, useMember } from '../../../api/roster';
import { EventModal } from './event-modal';

const TITLE_LABELS: Record<string, string> = {
  secretary: '书记',
  deputySecretary: '副书记',
  director: '主任',
  deputyDirector: '副主任',
  member: '委员',
};
const BODY_LABELS: Record<string, string> = {
  partyOrg: '村党组织',
  villagersCommittee: '村民委员会',
  supervisoryCommittee: '村务监督委员会',
};

export function MemberDrawer({
  membershipId,
  canReveal,
  canRecord,
  onClose,
}: {
  membershipId: number | null;
  canReveal: boolean;
  canRecord: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const member = useMember(membershipId);
  const queryClient = useQueryClient();
  const [fullId, setFullId] = useState<string | null>(null);
  const [eventOpen, setEventOpen] = useState(false);
  const m = member.data;

  const reveal = async () => {
    if (membershipId === null) {
      return;
    }
    try {
      const res = await revealIdNumber(membershipId);
      setFullId(res.idNumber);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={membershipId !== null}
      onClose={() => {
        setFullId(null);
        onClose();
      }}
      size="large"
      title={m ? `${m.name}（${m.statusLabel}）` : '党员信息'}
      extra={
        canRecord && m ? (
          <Button type="primary" onClick={() => setEventOpen(true)}>
            登记党籍变动
          </Button>
        ) : null
      }
    >
      {member.isError ? <Alert type="error" showIcon title={errorMessage(member.error)} /> : null}
      {m ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="姓名">{m.name}</Descriptions.Item>
            <Descriptions.Item label="性别">{m.gender}</Descriptions.Item>
            <Descriptions.Item label="民族">{m.ethnicity ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="出生日期">
              {m.birthDate ?? '—'}（{m.age ?? '—'}岁）
            </Descriptions.Item>
            <Descriptions.Item label="公民身份号码" span={2}>
              <Space>
                <Typography.Text code>{fullId ?? m.idNumber ?? '—'}</Typography.Text>
                {canReveal && fullId === null && m.idNumber ? (
                  <Button size="small" onClick={() => void reveal()}>
                    查看完整号码（记入审计）
                  </Button>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="学历">{m.education ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">{m.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="职业">{m.occupation ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="工作单位及职务">{m.workUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在党组织" span={2}>
              {m.villageName && m.villageName !== m.orgName
                ? `${m.villageName} › ${m.orgName}`
                : m.orgName}
            </Descriptions.Item>
            <Descriptions.Item label="入党日期">{m.joinedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="转正日期">{m.fullMemberSince ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="党龄">
              {m.partyYears === null ? '—' : `${m.partyYears}年`}
            </Descriptions.Item>
            <Descriptions.Item label="去向">
              {m.awayLabel ? (
                <Tag color="orange">
                  {m.awayLabel}（{m.awaySince}起）
                </Tag>
              ) : (
                '在本地'
              )}
            </Descriptions.Item>
          </Descriptions>
          {m.posts.length > 0 ? (
            <div>
              <Typography.Title level={5}>任职</Typography.Title>
              {m.posts.map((p, i) => (
                <div key={i}>
                  {p.orgName} {BODY_LABELS[p.body] ?? p.body}
                  {TITLE_LABELS[p.title] ?? p.title}，{p.termStart} 至{' '}
                  {p.endedOn ?? p.termEnd ?? '今'}
                  {p.endedOn ? <Tag style={{ marginLeft: 8 }}>已离任</Tag> : null}
                </div>
              ))}
            </div>
          ) : null}
          <div>
            <Typography.Title level={5}>党籍变动记录</Typography.Title>
            {m.events.length === 0 ? (
              <Empty description="暂无记录" />
            ) : (
              <Timeline
                items={m.events.map((e) => ({
                  color: e.isOverdue ? 'red' : 'blue',
                  children: (
                    <div>
                      <Typography.Text strong>
                        {e.occurredOn} {e.kindLabel}
                      </Typography.Text>
                      {e.isOverdue ? (
                        <Tag color="red" style={{ marginLeft: 8 }}>
                          回执逾期
                        </Tag>
                      ) : null}
                      <div>
                        {[
                          e.letterNumber ? `介绍信 ${e.letterNumber}` : null,
                          e.place,
                          e.validUntil ? `有效期至 ${e.validUntil}` : null,
                          e.receivedOn ? `回执 ${e.receivedOn}` : null,
                          e.contactName ? `联系人 ${e.contactName} ${e.contactPhone ?? ''}` : null,
                          e.note,
                        ]
                          .filter(Boolean)
                          .join('；')}
                      </div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {e.recordedByName} 录入
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      ) : null}
      {m ? (
        <EventModal
          open={eventOpen}
          member={m}
          onClose={() => setEventOpen(false)}
          onDone={() => {
            setEventOpen(false);
            void queryClient.invalidateQueries({ queryKey: rosterKeys.all });
          }}
        />
      ) : null}
    </Drawer>
  );
}
