import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Satisfaction surveys (SR-11b) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { surveys: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { surveys: en }, true, true);
