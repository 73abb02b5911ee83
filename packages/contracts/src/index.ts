export * from './auth/roles';
export * from './common/problem';
export * from './auth/session';
