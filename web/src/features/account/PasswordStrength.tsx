import { type TReasonLocale, defaultPolicy, reasonText } from '@techserve/core';
import type { TPasswordCheck } from '@techserve/core/passwords/strength';
import { Progress, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const COLOURS = ['#ff4d4f', '#ff7a45', '#faad14', '#52c41a', '#237804'];

/**
 * ACC-1 (issue 18 item 3): the password's strength as the user types, with what is wrong in the UI language. The
 * estimator and its dictionaries load on first use (a chunk of their own); the server checks again against the
 * policy in force and the company name.
 */
export function PasswordStrength({ password, username, name }: { password?: string; username?: string; name?: string }) {
  const { t, i18n } = useTranslation();
  const [check, setCheck] = useState<TPasswordCheck | null>(null);
  useEffect(() => {
    let live = true;
    if (!password) {
      setCheck(null);
    } else {
      void import('@techserve/core/passwords/strength').then(({ checkPassword }) => {
        if (live) setCheck(checkPassword(password, defaultPolicy().accounts, { username, name }));
      });
    }
    return () => {
      live = false;
    };
  }, [password, username, name]);
  if (!password || !check) return null;
  const locale: TReasonLocale = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (
    <Space orientation="vertical" size={0} style={{ width: '100%' }} data-testid="password-strength" data-score={check.score}>
      <Progress
        percent={(check.score + 1) * 20}
        steps={5}
        showInfo={false}
        strokeColor={COLOURS[check.score]}
        aria-label={t('account.strength')}
      />
      <Typography.Text type={check.ok ? 'success' : 'warning'}>
        {t('account.strength')}: {t(`account.strengthLevels.${check.score}`)}
      </Typography.Text>
      {check.refusals.map((r) => (
        <Typography.Text key={r.reason} type="secondary">
          {reasonText(r.reason, r.params, locale)}
        </Typography.Text>
      ))}
    </Space>
  );
}
