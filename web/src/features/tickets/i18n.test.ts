import { describe } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { en, zhCN } from './i18n';

describe('service-request texts', () => {
  itHasMatchingBundles(zhCN, en);
});
