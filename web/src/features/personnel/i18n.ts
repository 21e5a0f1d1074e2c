import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Personnel changes (RS-6/RS-7) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { personnel: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { personnel: en }, true, true);
