import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// Bulk actions, export and print of service requests register their own texts (zh-CN default, en).
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { ticketBatch: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { ticketBatch: en }, true, true);
