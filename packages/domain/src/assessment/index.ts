export * from './assessment-kinds';
export * from './assessment-scheme';
export * from './consecutive-failures';
export * from './grade-for';
export * from './rank-units';
export * from './score-indicator';
export * from './score-unit';
export * from './select-advanced';
