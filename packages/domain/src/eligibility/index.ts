// Pure decisions of the eligibility area (no clock, no database).
export {};
