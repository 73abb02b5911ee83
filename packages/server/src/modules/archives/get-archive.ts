import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import { resolveArchivePerson } from './archives-access';
import { assembleArchive } from './archives.repository';

export const getArchive = async (q: Queryable, request: FastifyRequest, personId: number, year: number) => {
  const { person, grants } = await resolveArchivePerson(q, getAccess(request), personId, 'read');
  return assembleArchive(q, grants, person, year);
};
