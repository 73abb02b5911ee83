// Pure decisions of the accountability area (no clock, no database).
export * from './accountability-kinds';
export * from './ladder';
