import { Alert, Button, Card, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMe, useSession } from '../../auth/session';
import { ChangePasswordForm } from '../../components/change-password-form';
import { t } from '../../locales';
import './login.css';

/** Shown instead of the app while the account still has to replace its initial password. */
export function ForcedPasswordPage() {
  const me = useMe();
  const { logout } = useSession();
  const navigate = useNavigate();

  return (
    <div className="zg-login">
      <Card className="zg-login-card" style={{ width: 440 }}>
        <div className="zg-login-brand">
          <div className="zg-login-mark">组</div>
          <Typography.Title level={3}>{t('auth.password.forcedTitle')}</Typography.Title>
          <Typography.Text type="secondary">
            {me.displayName} · {me.roleLabel}
          </Typography.Text>
        </div>
        <Alert
          type="info"
          showIcon
          title={t('auth.password.forcedHint')}
          style={{ marginBottom: 16 }}
        />
        <ChangePasswordForm onDone={() => void navigate('/', { replace: true })} />
        <div className="zg-login-footer">
          <Button
            type="link"
            onClick={() => void logout().finally(() => void navigate('/login', { replace: true }))}
          >
            {t('auth.password.logoutInstead')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
