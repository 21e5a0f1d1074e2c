import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Issue 12 items 5 and 6 register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { dashboard: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { dashboard: en }, true, true);
