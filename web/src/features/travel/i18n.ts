import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Travel (TR-1..4, AT-2/AT-3, FS-3) registers its own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { travel: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { travel: en }, true, true);
