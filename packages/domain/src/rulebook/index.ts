export * from './rulebook.schema';
export * from './rulebook-layer.schema';
export * from './validate-rulebook';
export * from './load-rulebook';
export * from './build-rulebook-chain';
export * from './resolve-effective-rulebook';
