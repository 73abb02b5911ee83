import type { RulebookSummary } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import { countRulebooks, listRulebookSummaries } from './rulebook.repository';

export const listRulebooks = async (
  q: Queryable,
  page: { page: number; pageSize: number },
): Promise<{ items: RulebookSummary[]; total: number }> => ({
  items: await listRulebookSummaries(q, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize }),
  total: await countRulebooks(q),
});
