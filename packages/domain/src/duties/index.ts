export * from './calculate-duty-deadline';
export * from './decide-duty-occurrences';
export * from './decide-duty-state';
export * from './duty-definition';
export * from './duty-error';
export * from './map-rulebook-duty';
