import type { AuditPage, AuditQuery } from '@zongzhi/contracts';
import type { AppContext } from '../../platform/context';
import { countAuditRecords, findAuditRecords } from './audit.repository';

/** The audit log, filtered and paged, newest first. Records are not scoped by unit: the audit admin sees all. */
export const listAuditRecords = async (ctx: AppContext, query: AuditQuery): Promise<AuditPage> => {
  const { page, pageSize, ...filter } = query;
  const [items, total] = await Promise.all([
    findAuditRecords(ctx.db, filter, { offset: (page - 1) * pageSize, limit: pageSize }),
    countAuditRecords(ctx.db, filter),
  ]);
  return { items, total };
};
