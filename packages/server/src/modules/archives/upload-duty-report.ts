import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { field, invalid } from '../../platform/errors';
import { resolveArchivePerson } from './archives-access';
import { assembleArchive } from './archives.repository';

export const MAX_DUTY_REPORT_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** 述职报告: stored in the database (bytea); a new upload replaces the year's previous one. Audited. */
export const uploadDutyReport = async (
  ctx: AppContext,
  request: FastifyRequest,
  q: { person: number; year: number },
  body: { fileName: string; contentType: string; contentBase64: string },
) => {
  const access = getAccess(request);
  return ctx.db.transaction(async (tx) => {
    const { person, grants } = await resolveArchivePerson(tx, access, q.person, 'write');
    const content = BASE64.test(body.contentBase64)
      ? Buffer.from(body.contentBase64, 'base64')
      : Buffer.alloc(0);
    if (content.length === 0 || content.length > MAX_DUTY_REPORT_BYTES)
      throw invalid([
        field(
          'body.contentBase64',
          '述职报告须为不超过10MB的非空文件（base64编码）',
          'The duty report must be a non-empty file of at most 10 MB (base64)',
        ),
      ]);
    const sha256 = createHash('sha256').update(content).digest('hex');
    const now = ctx.clock.now();
    const [previous] = await tx.query<{ sha256: string; size_bytes: number }>(
      'SELECT sha256, size_bytes FROM duty_reports WHERE person_id = $1 AND year = $2 FOR UPDATE',
      [person.id, q.year],
    );
    await tx.query(
      `INSERT INTO duty_reports (person_id, year, file_name, content_type, size_bytes, sha256, content, uploaded_at, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (person_id, year) DO UPDATE SET file_name = EXCLUDED.file_name, content_type = EXCLUDED.content_type,
         size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, content = EXCLUDED.content,
         uploaded_at = EXCLUDED.uploaded_at, uploaded_by = EXCLUDED.uploaded_by`,
      [
        person.id,
        q.year,
        body.fileName,
        body.contentType,
        content.length,
        sha256,
        content,
        now,
        access.principal.username,
      ],
    );
    await ctx.audit(tx, request, {
      action: 'duty_report.uploaded',
      outcome: 'ok',
      targetType: 'person',
      targetId: person.id,
      details: {
        year: q.year,
        fileName: body.fileName,
        sizeBytes: content.length,
        sha256,
        replaced: previous ?? null,
      },
    });
    return assembleArchive(tx, grants, person, q.year);
  });
};
