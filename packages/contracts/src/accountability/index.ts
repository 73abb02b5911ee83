// zod schemas of the accountability area's requests and responses (see ../incidents for the pattern).
export {};
