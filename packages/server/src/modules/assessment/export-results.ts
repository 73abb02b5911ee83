import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { getPeriodResults } from './get-period-results';

/** The ranking table of a period as .xlsx (the caller's units only). Audited. */
export const exportResults = async (
  ctx: AppContext,
  request: FastifyRequest,
  id: number,
): Promise<{ workbook: Buffer; filename: string }> => {
  const { grants } = getAccess(request);
  const detail = await getPeriodResults(ctx.db, grants, id, { branches: 'false' });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('考核结果');
  ws.addRow(['单位', '类别', '层级', '得分', '等次', '一票否决', '排名组', '排名', '未排名原因', '评先']);
  for (const r of detail.results)
    ws.addRow([
      r.unitName,
      r.unitKind,
      r.unitDepth,
      r.score,
      r.gradeName?.zh ?? '',
      r.vetoed ? '是' : '否',
      r.group,
      r.rank,
      r.notRanked ?? '',
      r.advanced,
    ]);
  const workbook = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.transaction(async (tx) =>
    ctx.audit(tx, request, {
      action: 'assessment.exported',
      outcome: 'ok',
      targetType: 'assessment_period',
      targetId: id,
      details: { version: detail.version, rows: detail.results.length },
    }),
  );
  const { period } = detail;
  return {
    workbook,
    filename: `考核结果-${period.rootUnitName}-${period.periodKey}-v${detail.version}.xlsx`,
  };
};
