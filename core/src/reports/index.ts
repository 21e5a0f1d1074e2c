export * from './fileName';
export * from './monthlyReport';
export * from './volume';
