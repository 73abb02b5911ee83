// Pure decisions of the eligibility area (no clock, no database).
export * from './eligibility-kinds';
export * from './derive-bars';
export * from './decide-eligibility';
