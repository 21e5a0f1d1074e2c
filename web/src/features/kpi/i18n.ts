import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// AP-6 and AP-16 register their own texts (zh-CN default, en); the permissions' names are in core's PERMISSION_LABELS.
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { kpi: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { kpi: en }, true, true);
