import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Pay (PAY-1..5) registers its own texts (zh-CN default, en); its permissions' names are in core's PERMISSION_LABELS.
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { pay: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { pay: en }, true, true);
