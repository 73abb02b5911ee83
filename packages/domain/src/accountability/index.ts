// Pure decisions of the accountability area (no clock, no database).
export {};
