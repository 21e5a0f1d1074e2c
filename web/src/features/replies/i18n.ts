import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Canned replies (SR-8) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { replies: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { replies: en }, true, true);
