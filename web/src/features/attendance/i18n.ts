import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Attendance (RS-1..5, AT-1, AT-3) registers its own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { attendance: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { attendance: en }, true, true);
