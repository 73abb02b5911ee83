// zod schemas of the documents area's requests and responses (see ../incidents for the pattern).
export {};
