import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Leave (RS-4, AT-4) registers its own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { leave: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { leave: en }, true, true);
