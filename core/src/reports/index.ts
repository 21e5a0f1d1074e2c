export * from './fileName';
export * from './monthlyReport';
