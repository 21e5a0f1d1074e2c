import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Global search (issue 12 item 8) registers its own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { search: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { search: en }, true, true);
