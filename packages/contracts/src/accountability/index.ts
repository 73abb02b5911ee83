export * from './accountability';
