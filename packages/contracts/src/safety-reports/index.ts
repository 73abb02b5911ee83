export * from './safety-reports';
