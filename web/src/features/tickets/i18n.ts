import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Service requests (SR-1..13), the dashboard and follow-ups register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { tickets: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { tickets: en }, true, true);
