// zod schemas of the documents area's requests and responses.
export * from './documents';
