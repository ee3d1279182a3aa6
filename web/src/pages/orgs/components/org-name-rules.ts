import type { FormRule } from 'antd';
import { t } from '../../../locales';

export const ORG_NAME_MAX = 50;

export const orgNameRules: FormRule[] = [
  { required: true, message: t('org.validation.nameRequired') },
  { whitespace: true, message: t('org.validation.nameBlank') },
  { max: ORG_NAME_MAX, message: t('org.validation.nameTooLong') },
];
