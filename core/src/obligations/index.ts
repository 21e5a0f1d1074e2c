export * from './kinds';
export * from './month';
export * from './due';
