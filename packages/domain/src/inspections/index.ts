// Pure decisions of the inspections area (no clock, no database).
export * from './calculate-rectification-deadline';
export * from './decide-rectification-status';
export * from './inspection-kinds';
