import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client';
import { useSession } from '../../auth/session';
import { t } from '../../locales';
import './login.css';

interface Values {
  username: string;
  password: string;
}

/** Only paths inside the app are followed after login (no open redirect). */
function safeReturnPath(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function LoginPage() {
  const { me, login, endedBy } = useSession();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const returnPath = safeReturnPath(searchParams.get('from'));

  if (me) {
    return <Navigate to={returnPath} replace />;
  }

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      await navigate(returnPath, { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
      setSubmitting(false);
    }
  };

  return (
    <div className="zg-login">
      <Card className="zg-login-card">
        <div className="zg-login-brand">
          <div className="zg-login-mark">组</div>
          <Typography.Title level={2}>{t('app.name')}</Typography.Title>
          <Typography.Text type="secondary">{t('auth.login.subtitle')}</Typography.Text>
        </div>
        {endedBy === 'expiry' && !error ? (
          <Alert
            type="warning"
            showIcon
            title={t('auth.login.expired')}
            style={{ marginBottom: 16 }}
          />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            title={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        ) : null}
        <Form<Values>
          name="login"
          layout="vertical"
          requiredMark={false}
          size="large"
          onFinish={(values) => void onFinish(values)}
          onValuesChange={() => setError(null)}
        >
          <Form.Item
            name="username"
            label={t('auth.login.username')}
            rules={[
              { required: true, whitespace: true, message: t('auth.login.usernameRequired') },
            ]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.login.password')}
            rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {t('auth.login.submit')}
          </Button>
        </Form>
        <div className="zg-login-footer">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('auth.login.footer')}
          </Typography.Text>
        </div>
      </Card>
    </div>
  );
}
