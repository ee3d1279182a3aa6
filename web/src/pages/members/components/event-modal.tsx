import { useFormSave } from '../../../components/use-form-save';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { recordEvent, type EventBody, type MemberDetail } from '../../../api/roster';

/** Events offered for a member in a given state; the server checks again. */
function eventChoices(m: MemberDetail): { value: EventBody['kind']; label: string }[] {
  const choices: { value: EventBody['kind']; label: string }[] = [];
  const member = m.status === 'full' || m.status === 'probationary';
  if (member && m.awayKind === null) {
    choices.push(
      { value: 'transferOut', label: '组织关系转出' },
      { value: 'mobileOut', label: '外出流动（流动党员）' },
      { value: 'abroad', label: '出国（境）' },
      { value: 'lostContact', label: '失去联系' },
    );
  }
  if (m.awayKind === 'mobile') {
    choices.push(
      { value: 'mobileContact', label: '流动党员联系' },
      { value: 'mobileReturn', label: '流动返回' },
      { value: 'transferOut', label: '组织关系转出' },
      { value: 'lostContact', label: '失去联系' },
    );
  }
  if (m.awayKind === 'abroad') {
    choices.push(
      { value: 'mobileContact', label: '联系记录' },
      { value: 'abroadReturn', label: '出国（境）返回' },
    );
  }
  if (m.awayKind === 'lostContact') {
    choices.push({ value: 'contactRestored', label: '恢复联系' });
  }
  if (m.awayKind === 'transferredOut') {
    choices.push(
      { value: 'transferReceived', label: '转出回执已收到' },
      { value: 'transferIn', label: '组织关系转回' },
    );
  }
  if (m.status === 'probationary') {
    choices.push({ value: 'confirmed', label: '预备党员转正' });
  }
  if (member) {
    choices.push({ value: 'suspended', label: '停止党籍' });
  }
  if (m.status === 'suspended') {
    choices.push({ value: 'reinstated', label: '恢复党籍' });
  }
  if (member || m.status === 'suspended') {
    choices.push({ value: 'left', label: '出党' });
  }
  if (m.status !== 'deceased') {
    choices.push({ value: 'deceased', label: '死亡' });
  }
  return choices;
}

interface Values {
  kind: EventBody['kind'];
  occurredOn: Dayjs;
  letterNumber?: string;
  place?: string;
  validUntil?: Dayjs;
  contactName?: string;
  contactPhone?: string;
  note?: string;
}

export function EventModal({
  open,
  member,
  onClose,
  onDone,
}: {
  open: boolean;
  member: MemberDetail;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const { error, saving, save } = useFormSave(form);
  const transfer = kind === 'transferOut' || kind === 'transferIn';
  const away = kind === 'mobileOut' || kind === 'abroad';
  const contact = kind === 'mobileOut' || kind === 'mobileContact';

  const submit = () =>
    save(
      (v) =>
        recordEvent(member.membershipId, {
          kind: v.kind,
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
          letterNumber: v.letterNumber ?? null,
          place: v.place ?? null,
          validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null,
          contactName: v.contactName ?? null,
          contactPhone: v.contactPhone ?? null,
          note: v.note ?? null,
        }),
      onDone,
    );

  return (
    <Modal
      open={open}
      title={`登记党籍变动：${member.name}`}
      okText="登记"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ occurredOn: dayjs() }}>
        <Form.Item
          name="kind"
          label="变动类型"
          rules={[{ required: true, message: '请选择变动类型' }]}
        >
          <Select options={eventChoices(member)} />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label="发生日期"
          rules={[{ required: true, message: '请选择日期' }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {transfer ? (
          <>
            <Form.Item
              name="letterNumber"
              label="介绍信编号"
              rules={[{ required: true, message: '请填写介绍信编号' }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="place" label={kind === 'transferOut' ? '转往党组织' : '转自党组织'}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'transferOut' ? (
          <Form.Item
            name="validUntil"
            label="介绍信有效期至"
            rules={[{ required: true, message: '请选择有效期' }]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        {away ? (
          <Form.Item
            name="place"
            label={kind === 'abroad' ? '前往国家（地区）' : '外出地点'}
            rules={[{ required: true, message: '请填写地点' }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : null}
        {contact ? (
          <>
            <Form.Item name="contactName" label="联系人">
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="contactPhone" label="联系电话">
              <Input maxLength={30} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="note"
          label={kind === 'left' ? '出党方式（除名、开除党籍、退党、自行脱党）' : '备注'}
          rules={kind === 'left' ? [{ required: true, message: '请写明出党方式' }] : []}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
