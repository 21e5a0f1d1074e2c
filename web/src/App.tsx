import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/client';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './features/auth/SessionProvider';
import { dayjsLocale, useLanguage } from './i18n/useLanguage';

export function App() {
  const [queryClient] = useState(() => createQueryClient());
  const [language] = useLanguage();
  dayjs.locale(dayjsLocale(language));
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1763d6' } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
