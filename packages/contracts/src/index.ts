export * from './auth/roles';
export * from './common/problem';
export * from './auth/session';
export * from './accounts/index';
export * from './registry/index';
export * from './audit/audit';
export * from './rulebook/index';
export * from './duties/index';
