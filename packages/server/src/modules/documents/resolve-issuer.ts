import { toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { field } from '../../platform/errors';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { documentErrors } from './documents.errors';
import type { UnitRef } from './documents.repository';

export type Issuer = {
  /** The body's name in the rulebook (bodies.office.name.zh). */
  bodyName: string;
  /** 发文字号 prefix; undefined when the rulebook sets none. */
  abbreviation: string | undefined;
  rulebookId: string;
  rulebookVersion: number;
};

/** The issuing body's name and number prefix from the effective rulebook of the issuing unit. */
export const resolveIssuer = async (
  q: Queryable,
  unit: UnitRef,
  body: 'office' | 'committee',
  at: Date,
): Promise<Issuer> => {
  const ids = await findRulebookIdsOfUnits(q, [{ id: unit.id, path: unit.path }], toChinaDate(at));
  const rulebookId = ids.get(unit.id);
  const inForce = rulebookId === undefined ? undefined : await findRulebookInForce(q, rulebookId, at);
  if (!inForce)
    throw documentErrors.fail('documents.no_rulebook', [
      field('body.issuerUnitId', '发文单位未适用任何综治制度', 'the issuing unit follows no rulebook'),
    ]);
  const b = inForce.rulebook.bodies[body];
  return {
    bodyName: b.name.zh,
    abbreviation: b.abbreviation?.text,
    rulebookId: inForce.rulebookId,
    rulebookVersion: inForce.version,
  };
};

/** The prefix, or the 422 naming the rulebook field to set. */
export const requireAbbreviation = (issuer: Issuer, body: 'office' | 'committee'): string => {
  if (!issuer.abbreviation)
    throw documentErrors.fail('documents.no_abbreviation', [
      field(
        `rulebook.bodies.${body}.abbreviation`,
        `请在制度“${issuer.rulebookId}”中设置 bodies.${body}.abbreviation（发文字号简称，如“株综治办”）`,
        `set bodies.${body}.abbreviation (the number prefix, e.g. 株综治办) in rulebook "${issuer.rulebookId}"`,
      ),
    ]);
  return issuer.abbreviation;
};
