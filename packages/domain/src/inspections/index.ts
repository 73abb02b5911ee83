// Pure decisions of the inspections area (no clock, no database).
export {};
