import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { t, type MessageKey } from '../../locales';

export type PlaceholderModule =
  'recruitment' | 'members' | 'meetings' | 'training' | 'elections' | 'askAnything';

const TITLES: Record<PlaceholderModule, MessageKey> = {
  recruitment: 'menu.recruitment',
  members: 'menu.members',
  meetings: 'menu.meetings',
  training: 'menu.training',
  elections: 'menu.elections',
  askAnything: 'menu.askAnything',
};

/** A module that is not built yet says plainly what it will do. */
export function PlaceholderPage({ module }: { module: PlaceholderModule }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#c0392b' }} />}
        title={
          <span>
            {t(TITLES[module])} <Tag color="orange">{t('module.underConstruction')}</Tag>
          </span>
        }
        subTitle={t(`module.${module}.summary`)}
        extra={
          <Button type="primary" onClick={() => void navigate('/')}>
            {t('module.goWorkbench')}
          </Button>
        }
      >
        <Typography.Paragraph style={{ maxWidth: 640, margin: '0 auto', textAlign: 'center' }}>
          {t(`module.${module}.detail`)}
        </Typography.Paragraph>
      </Result>
    </Card>
  );
}
