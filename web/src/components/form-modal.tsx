import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * A modal around a form saved with `useFormSave`: OK submits, the OK button spins while saving,
 * cancel clears the server's Chinese error, which is shown under the form until the next try.
 */
export function FormModal({
  open,
  title,
  okText,
  width,
  saving,
  error,
  clearError,
  onSubmit,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  okText: string;
  width?: number;
  saving: boolean;
  error: string | null;
  clearError: () => void;
  onSubmit: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      {...(width === undefined ? {} : { width })}
      confirmLoading={saving}
      onOk={() => void onSubmit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      {children}
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
