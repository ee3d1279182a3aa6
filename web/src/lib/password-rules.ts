import type { FormRule as Rule } from 'antd';
import { t } from '../locales';

/** Client-side checks for a new password; the server has the final word. */
export const newPasswordRules: Rule[] = [
  { required: true, message: t('auth.password.newRequired') },
  { min: 8, message: t('auth.password.tooShort') },
  { max: 128, message: t('auth.password.tooLong') },
  {
    pattern: /^(?=.*[A-Za-z])(?=.*\d).+$/,
    message: t('auth.password.weak'),
  },
];
