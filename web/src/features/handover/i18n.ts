import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Handover (HO-1, SEC-3) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { handover: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { handover: en }, true, true);
