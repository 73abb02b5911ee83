import { POST_KIND_LABELS, UNIT_KIND_LABELS } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { hasRole } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { PHONE_READERS, assertInScope, calculateScopeRootIds } from './registry-access';
import { calculateToday } from './registry-calendar';
import { SHEETS, createRegistryWorkbook, writeWorkbook } from './registry-workbook';
import { findUnit, findUnitRef, listSubtreePeopleAndPosts, listSubtreeUnits } from './registry.repository';
import { maskPhone } from './mask-phone';

const GENDER_ZH = { male: '男', female: '女' } as const;

/**
 * The current units of a subtree (the caller's scope roots when none is named) with the people and
 * all posts (history included) in it, in the template's layout. Phones are masked except for
 * sysadmins and operators. The export itself is audited.
 */
export const exportRegistry = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: { unitId?: number | undefined },
): Promise<Buffer> => {
  const { grants } = getAccess(request);
  const today = calculateToday(ctx.clock.now());
  const rootIds =
    input.unitId === undefined
      ? calculateScopeRootIds(grants)
      : [assertInScope(grants, await findUnitRef(ctx.db, input.unitId)).id];
  const roots = await Promise.all(rootIds.map(async (id) => (await findUnit(ctx.db, id, today))!));
  const wb = createRegistryWorkbook();
  const unitSheet = wb.getWorksheet(SHEETS.units.name)!;
  const peopleSheet = wb.getWorksheet(SHEETS.people.name)!;
  const postSheet = wb.getWorksheet(SHEETS.posts.name)!;
  const fullPhones = hasRole(grants, ...PHONE_READERS);
  const codeOf = new Map<number, string>();
  const counts = { units: 0, people: 0, posts: 0 };
  const seenPeople = new Set<number>();
  for (const root of roots) {
    const units = await listSubtreeUnits(ctx.db, [`${root.path}%`], today);
    const parentCodes = new Map<number, string>();
    if (root.parentId !== null) {
      const parent = await findUnit(ctx.db, root.parentId, today);
      if (parent) parentCodes.set(parent.id, parent.code);
    }
    for (const u of units) codeOf.set(u.id, u.code);
    for (const u of units) {
      unitSheet.addRow([
        u.code,
        u.name,
        UNIT_KIND_LABELS[u.kind].zh,
        u.parentId === null ? '' : (codeOf.get(u.parentId) ?? parentCodes.get(u.parentId) ?? ''),
        u.population ?? '',
        u.validFrom,
      ]);
      counts.units += 1;
    }
    const { people, posts } = await listSubtreePeopleAndPosts(ctx.db, `${root.path}%`);
    for (const p of people) {
      if (seenPeople.has(p.id)) continue;
      seenPeople.add(p.id);
      peopleSheet.addRow([
        `P${p.id}`,
        p.name,
        p.gender ? GENDER_ZH[p.gender] : '',
        p.birthDate ?? '',
        (fullPhones ? p.phone : maskPhone(p.phone)) ?? '',
        (p.unitId !== null && codeOf.get(p.unitId)) || '',
      ]);
      counts.people += 1;
    }
    // Posts of units closed since are history of a unit the sheet no longer lists.
    for (const post of posts.filter((p) => codeOf.has(p.unitId))) {
      postSheet.addRow([
        `P${post.personId}`,
        codeOf.get(post.unitId) ?? '',
        POST_KIND_LABELS[post.postKind].zh,
        post.title,
        post.portfolio ?? '',
        post.startDate,
        post.endDate ?? '',
      ]);
      counts.posts += 1;
    }
  }
  await ctx.audit(ctx.db, request, {
    action: 'registry.exported',
    outcome: 'ok',
    targetType: 'unit',
    targetId: rootIds.join(','),
    details: { rootIds, ...counts, phonesMasked: !fullPhones },
  });
  return writeWorkbook(wb);
};
