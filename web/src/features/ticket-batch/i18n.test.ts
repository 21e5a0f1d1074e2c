import { describe } from 'vitest';
import { itHasMatchingBundles } from '../../i18n/bundleParity';
import { itUsesKnownKeys } from '../../i18n/usedKeys';
import { en, zhCN } from './i18n';

const sources = Object.values(
  import.meta.glob<string>(['./*.ts', './*.tsx', '!./*.test.*', '!./i18n*'], { query: '?raw', import: 'default', eager: true }),
);

describe('ticket batch texts', () => {
  itHasMatchingBundles(zhCN, en);
  itUsesKnownKeys('ticketBatch', sources, zhCN);
});
