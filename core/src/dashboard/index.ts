export * from './executive';
