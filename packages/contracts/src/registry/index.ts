export * from './units';
export * from './people';
export * from './posts';
export * from './responsibility';
export * from './excel';
