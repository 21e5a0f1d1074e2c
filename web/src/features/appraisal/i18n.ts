import { i18n } from '../../i18n/initI18n';
import { en } from './i18n.en';
import { zhCN } from './i18n.zh-CN';

// The monthly appraisal (AP-1..AP-15) registers its own texts (zh-CN default, en), and its permissions' names.
export { en, zhCN };

i18n.addResourceBundle(
  'zh-CN',
  'translation',
  {
    appraisal: zhCN,
    perm: {
      appraisal: { self: '本人考核（自评、异议）', review: '考核评分与调整', approve: '考核核定签字', export: '导出考核表（财务）' },
    },
  },
  true,
  true,
);
i18n.addResourceBundle(
  'en',
  'translation',
  {
    appraisal: en,
    perm: {
      appraisal: {
        self: 'Own appraisal (self-appraisal, disputes)',
        review: 'Score and adjust appraisals',
        approve: 'Approve and sign appraisals',
      },
    },
  },
  true,
  true,
);
