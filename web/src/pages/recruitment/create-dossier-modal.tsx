import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, api, errorMessage, unwrap } from '../../api/client';
import { rt } from '../../locales/zh-CN/recruitment';

interface Values {
  orgId: number;
  name: string;
  gender: '男' | '女';
  birthDate?: Dayjs;
  idNumber?: string;
  education?: string;
  occupation?: string;
}

const EDUCATION = ['初中', '高中', '中专', '大专', '本科', '研究生'];
const OCCUPATIONS = [
  '农民',
  '工人',
  '个体工商户',
  '企业职工',
  '村干部',
  '教师',
  '医务人员',
  '学生',
  '其他',
];

export function CreateDossierModal({
  open,
  branches,
  defaultOrgId,
  onClose,
  onCreated,
}: {
  open: boolean;
  branches: { orgId: number; orgName: string }[];
  defaultOrgId: number | undefined;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setSubmitting(true);
    try {
      const created = await unwrap(
        api.POST('/api/recruitment/dossiers', {
          body: {
            orgId: v.orgId,
            person: {
              name: v.name.trim(),
              gender: v.gender,
              ...(v.birthDate ? { birthDate: v.birthDate.format('YYYY-MM-DD') } : {}),
              ...(v.idNumber ? { idNumber: v.idNumber.trim() } : {}),
              ...(v.education ? { education: v.education } : {}),
              ...(v.occupation ? { occupation: v.occupation } : {}),
            },
          },
        }),
      );
      message.success(rt('recruitment.create.done', { name: created.name }));
      onCreated(created.id);
    } catch (error) {
      if (error instanceof ApiError && error.field?.startsWith('person.')) {
        form.setFields([{ name: error.field.slice(7) as keyof Values, errors: [error.message] }]);
      }
      message.error(errorMessage(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={rt('recruitment.create.title')}
      okText="建立档案"
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        name="createDossier"
        form={form}
        layout="vertical"
        initialValues={{ orgId: defaultOrgId ?? branches[0]?.orgId, gender: '男' }}
      >
        <Form.Item
          name="orgId"
          label="所在党支部"
          rules={[{ required: true, message: '请选择党支部' }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={branches.map((b) => ({ value: b.orgId, label: b.orgName }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 20 }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="gender" label="性别" rules={[{ required: true }]}>
          <Select
            options={[
              { value: '男', label: '男' },
              { value: '女', label: '女' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="birthDate"
          label="出生日期"
          extra="填写公民身份号码时可不填，按号码推出"
          dependencies={['idNumber']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value) =>
                value || getFieldValue('idNumber')
                  ? Promise.resolve()
                  : Promise.reject(new Error('请填写出生日期或公民身份号码')),
            }),
          ]}
        >
          <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="idNumber" label="公民身份号码">
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item name="education" label="学历">
          <Select allowClear options={EDUCATION.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
        <Form.Item name="occupation" label="职业">
          <Select allowClear options={OCCUPATIONS.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
