// Pure decisions of the letters area (no clock, no database).
export {};
