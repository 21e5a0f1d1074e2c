export * from './warranty';
export * from './care';
