export * from './decide-report-timeliness';
export * from './incident-kinds';
