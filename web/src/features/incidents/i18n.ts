import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Complaints and incidents (SR-14, IN-1..3) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { incidents: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { incidents: en }, true, true);
