import { Modal } from 'antd';
import { t } from '../locales';
import { ChangePasswordForm } from './change-password-form';

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Modal
      open={open}
      title={t('auth.password.title')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={420}
    >
      <ChangePasswordForm onDone={onClose} onCancel={onClose} />
    </Modal>
  );
}
