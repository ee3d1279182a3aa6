import { useFormSave } from '../../../components/use-form-save';
import { Col, DatePicker, Form, Input, Radio, Row, Select, TreeSelect } from 'antd';
import { FormModal } from '../../../components/form-modal';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useOrgs } from '../../../api/queries';
import { transferIn, useRosterOptions } from '../../../api/roster';
import { orgTreeOptions } from './org-tree-data';

interface Values {
  orgId: number;
  name: string;
  gender: '男' | '女';
  idNumber: string;
  education?: string;
  phone?: string;
  occupation?: string;
  workUnit?: string;
  status: 'full' | 'probationary';
  joinedOn: Dayjs;
  fullMemberSince?: Dayjs;
  occurredOn: Dayjs;
  letterNumber: string;
  fromOrg: string;
  validUntil: Dayjs;
  note?: string;
}

/**
 * 组织关系转入 of a member not yet on the roster: who he is, his membership, and the 介绍信
 * (编号、转自、有效期). The server creates person, membership and the 转入 record together.
 */
export function TransferInModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (name: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const orgs = useOrgs();
  const options = useRosterOptions();
  const forest = useMemo(() => orgTreeOptions(orgs.data ?? []), [orgs.data]);
  const { error, saving, save, clearError } = useFormSave(form);
  const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : null);

  const submit = () =>
    save(
      (v) =>
        transferIn({
          orgId: v.orgId,
          person: {
            name: v.name.trim(),
            gender: v.gender,
            idNumber: v.idNumber.trim().toUpperCase(),
            education: v.education ?? null,
            phone: v.phone?.trim() || null,
            occupation: v.occupation?.trim() || null,
            workUnit: v.workUnit?.trim() || null,
          },
          status: v.status,
          joinedOn: v.joinedOn.format('YYYY-MM-DD'),
          fullMemberSince: v.status === 'full' ? day(v.fullMemberSince) : null,
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          letterNumber: v.letterNumber.trim(),
          fromOrg: v.fromOrg.trim(),
          validUntil: v.validUntil.format('YYYY-MM-DD'),
          note: v.note?.trim() || null,
        }),
      (v) => onDone(v.name.trim()),
    );

  const required = (message: string) => [{ required: true, message }];
  return (
    <FormModal
      open={open}
      width={760}
      title="组织关系转入（名册中还没有的党员）"
      okText="登记转入"
      saving={saving}
      error={error}
      clearError={clearError}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ gender: '男', status: 'full', occurredOn: dayjs() }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="orgId" label="转入党组织" rules={required('请选择转入的党支部')}>
              <TreeSelect
                treeData={forest}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder="选择党支部或党小组"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="occurredOn" label="转入日期" rules={required('请选择转入日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="letterNumber" label="介绍信编号" rules={required('请填写介绍信编号')}>
              <Input maxLength={60} placeholder="如：甬组转字〔2026〕第112号" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="fromOrg" label="转自党组织" rules={required('请填写转自的党组织')}>
              <Input maxLength={100} placeholder="开具介绍信的党组织全称" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="validUntil" label="有效期至" rules={required('请选择有效期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="name" label="姓名" rules={required('请填写姓名')}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="gender" label="性别" rules={required('请选择性别')}>
              <Radio.Group optionType="button" options={['男', '女']} />
            </Form.Item>
          </Col>
          <Col span={13}>
            <Form.Item
              name="idNumber"
              label="公民身份号码"
              rules={[
                ...required('请填写公民身份号码'),
                { pattern: /^\d{17}[\dXx]$/, message: '应为18位，最后一位可为X' },
              ]}
              extra="出生日期取自身份证号"
            >
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="education" label="学历">
              <Select
                allowClear
                options={(options.data?.education ?? []).map((e) => ({ value: e, label: e }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="phone" label="联系电话">
              <Input maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="workUnit" label="工作单位及职务">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="status" label="党籍状态" rules={required('请选择党籍状态')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'full', label: '正式党员' },
                  { value: 'probationary', label: '预备党员' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="joinedOn" label="入党日期" rules={required('请选择入党日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            {status === 'probationary' ? null : (
              <Form.Item
                name="fullMemberSince"
                label="转正日期"
                rules={required('正式党员须填写转正日期')}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col span={24}>
            <Form.Item name="note" label="备注">
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
