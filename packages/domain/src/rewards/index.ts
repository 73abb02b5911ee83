export * from './individual-quota';
