// zod schemas of the eligibility area's requests and responses (see ../incidents for the pattern).
export * from './eligibility';
