export * from './conduct';
export * from './staffing';
