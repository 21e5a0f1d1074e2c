export * from './warranty';
