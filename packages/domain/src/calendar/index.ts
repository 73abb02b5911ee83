export * from './calendar-date';
export * from './calendar-error';
export * from './calendar-year';
export * from './china-calendar-data';
export * from './create-work-calendar';
export * from './missing-years';
export * from './period';
