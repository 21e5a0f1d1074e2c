export * from './fileName';
