export * from './archives';
