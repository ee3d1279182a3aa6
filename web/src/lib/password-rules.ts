import type { FormRule as Rule } from 'antd';
import { t } from '../locales';

/** Client-side checks for a new password; the server has the final word. */
export function passwordRules(requiredMessage: string): Rule[] {
  return [{ required: true, message: requiredMessage }, ...newPasswordStrength];
}

const newPasswordStrength: Rule[] = [
  { min: 8, message: t('auth.password.tooShort') },
  { max: 128, message: t('auth.password.tooLong') },
  {
    pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/,
    message: t('auth.password.weak'),
  },
];

export const newPasswordRules: Rule[] = passwordRules(t('auth.password.newRequired'));
