import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Residents (RS-8, RS-9, RS-11) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { residents: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { residents: en }, true, true);
