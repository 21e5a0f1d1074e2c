import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Internal training (TRN-1..3) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { staffTraining: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { staffTraining: en }, true, true);
