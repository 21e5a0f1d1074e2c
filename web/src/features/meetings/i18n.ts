import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Meetings (MTG-1) register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { meetings: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { meetings: en }, true, true);
