import type { PreviewDocumentRequest } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { renderPdf } from '../../platform/documents/render-pdf';
import { field, invalid } from '../../platform/errors';
import { buildDocumentFromTemplate } from './build-document-from-template';
import { assertInScope } from './documents-access';
import { findUnitRef } from './documents.repository';
import { findEffectiveTemplate } from './effective-template';
import { resolveIssuer } from './resolve-issuer';
import { checkTemplate } from './check-template';
import { toChinaDate } from '@zongzhi/domain';

/**
 * A PDF of a template with values, as it would be issued but without a number (发文字号 shows the
 * prefix and year with the number left blank). Nothing is stored.
 */
export const previewDocument = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: PreviewDocumentRequest,
): Promise<Buffer> => {
  const { grants } = getAccess(request);
  const unit = await findUnitRef(ctx.db, input.issuerUnitId);
  assertInScope(grants, unit && { ...unit, unitPath: unit.path });
  if (!unit) throw invalid([field('body.issuerUnitId', '单位不存在', 'no such unit')]);
  if (input.template) {
    const errors = checkTemplate(input.template, 'body.template');
    if (errors.length > 0) throw invalid(errors);
  }
  const now = ctx.clock.now();
  const date = input.date ?? toChinaDate(now);
  const issuer = await resolveIssuer(ctx.db, unit, input.issuerBody, now);
  const template = input.template ?? (await findEffectiveTemplate(ctx.db, input.kind, unit.path)).content;
  const doc = buildDocumentFromTemplate({
    kind: input.kind,
    template,
    issuer: { unitName: unit.name, bodyName: issuer.bodyName },
    ...(issuer.abbreviation ? { number: `${issuer.abbreviation}〔${date.slice(0, 4)}〕　号` } : {}),
    addressee: input.addressee,
    vars: input.vars,
    date,
  });
  return renderPdf(doc);
};
