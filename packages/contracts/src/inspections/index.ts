// zod schemas of the inspections area's requests and responses (see ../incidents for the pattern).
export {};
