// Pure decisions of the letters area (no clock, no database).
export * from './letter-target';
export * from './cascade-gap';
export * from './evaluate-target';
export * from './check-cascade';
export * from './calculate-signing-rate';
export * from './letter-version';
export * from './build-targets-from-indicators';
