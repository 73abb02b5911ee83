// zod schemas of the letters area's requests and responses (see ../incidents for the pattern).
export {};
