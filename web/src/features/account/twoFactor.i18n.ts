import { i18n } from '../../i18n/initI18n';
import { en } from './twoFactor.i18n.en';
import { zhCN } from './twoFactor.i18n.zh-CN';

// Two-factor sign-in (issue 18 item 6) registers its own texts (zh-CN default, en) under `twoFactor.`.
export { en, zhCN };

i18n.addResourceBundle('zh-CN', 'translation', { twoFactor: zhCN }, true, true);
i18n.addResourceBundle('en', 'translation', { twoFactor: en }, true, true);
