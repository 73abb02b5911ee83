import type { SigningRate } from '@zongzhi/contracts';
import { calculateSigningRate, decideLetterSigningState, toChinaDate } from '@zongzhi/domain';
import type { Queryable } from '../../db/client';
import { type RoleGrant, scopePatterns } from '../../platform/auth/principal';
import { assertUnitInScope } from './letters-access';
import { findUnit, listLettersOfYear, listUnsigned } from './letters.repository';

const DAY_MS = 86_400_000;

type Cell = { total: number; signed: number };
const add = (
  map: Map<string, Cell & Record<string, unknown>>,
  key: string,
  base: Record<string, unknown>,
  signed: boolean,
) => {
  const cell = map.get(key) ?? { ...base, total: 0, signed: 0 };
  cell.total += 1;
  if (signed) cell.signed += 1;
  map.set(key, cell);
};

/**
 * 签状率 of a year over the letters issued within the caller's scope (or a unit's subtree): per
 * issuing unit, per level (the recipients' kind and depth), overall, and who has not signed yet
 * with the days since issue. A letter counts as signed when all signatories of both parties
 * signed its current version (an amendment makes it unsigned again).
 */
export const getSigningRate = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  query: { year: number; unitId?: number | undefined },
  now: Date,
): Promise<SigningRate> => {
  const scope = query.unitId
    ? [`${assertUnitInScope(grants, await findUnit(q, query.unitId)).path}%`]
    : scopePatterns(grants);
  const letters = await listLettersOfYear(q, scope, query.year);
  const byIssuer = new Map<string, Cell & Record<string, unknown>>();
  const byLevel = new Map<string, Cell & Record<string, unknown>>();
  let signed = 0;
  for (const l of letters) {
    const isSigned =
      decideLetterSigningState({ signatories: l.signatoryCount, signed: l.signedCount }) === 'signed';
    if (isSigned) signed += 1;
    add(
      byIssuer,
      String(l.issuerUnitId),
      {
        unitId: l.issuerUnitId,
        unitName: l.issuerUnitName,
        unitKind: l.issuerUnitKind,
        depth: l.issuerDepth,
      },
      isSigned,
    );
    add(
      byLevel,
      `${l.recipientDepth}:${l.recipientUnitKind}`,
      { unitKind: l.recipientUnitKind, depth: l.recipientDepth },
      isSigned,
    );
  }
  const withRate = <T extends Cell>(c: T) => ({ ...c, rate: calculateSigningRate(c) });
  const today = Date.parse(`${toChinaDate(now)}T00:00:00Z`);
  return {
    year: query.year,
    overall: withRate({ total: letters.length, signed }),
    byIssuer: [...byIssuer.values()].map(withRate) as SigningRate['byIssuer'],
    byLevel: ([...byLevel.values()].map(withRate) as SigningRate['byLevel']).sort(
      (a, b) => a.depth - b.depth || a.unitKind.localeCompare(b.unitKind),
    ),
    unsigned: (await listUnsigned(q, scope, query.year)).map((u) => ({
      ...u,
      daysSinceIssue: Math.max(0, Math.round((today - Date.parse(`${u.issueDate}T00:00:00Z`)) / DAY_MS)),
    })),
  };
};
