import type { FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../api/client';

/**
 * The save of a modal form: validate, write, reset the form and report. The server's Chinese
 * error stays shown until the next try or `clearError` (on cancel); `saving` drives the OK
 * button's spinner.
 */
export function useFormSave<V>(form: FormInstance<V>) {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async (write: (values: V) => Promise<unknown>, onSaved: (values: V) => void) => {
    const values = await form.validateFields();
    setSaving(true);
    setError(null);
    try {
      await write(values);
      form.resetFields();
      onSaved(values);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { error, saving, save, clearError: () => setError(null) };
}
