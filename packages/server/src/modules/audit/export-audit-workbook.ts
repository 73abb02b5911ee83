import { PassThrough } from 'node:stream';
import {
  AUDIT_OUTCOME_LABELS,
  type AuditFilter,
  type AuditRecord,
  ROLE_LABELS,
  type Role,
} from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { AUDIT_EXPORT_MAX_ROWS, auditErrors } from './audit.errors';
import { countAuditRecords, findAuditRecords } from './audit.repository';

const BATCH = 5000;

export const AUDIT_EXPORT_COLUMNS = [
  { header: '链序号', key: 'chainSeq', width: 10 },
  { header: '记录编号', key: 'id', width: 10 },
  { header: '时间（北京时间）', key: 'occurredAt', width: 24 },
  { header: '操作人', key: 'actorName', width: 16 },
  { header: '角色', key: 'actorRole', width: 16 },
  { header: '操作', key: 'action', width: 28 },
  { header: '对象类型', key: 'targetType', width: 12 },
  { header: '对象编号', key: 'targetId', width: 12 },
  { header: '结果', key: 'outcome', width: 8 },
  { header: 'IP 地址', key: 'ip', width: 16 },
  { header: '请求编号', key: 'requestId', width: 38 },
  { header: '详情', key: 'details', width: 60 },
  { header: '哈希（SM3）', key: 'hash', width: 66 },
] as const;

/** China Standard Time (UTC+8, no daylight saving), to the millisecond: 'YYYY-MM-DD HH:mm:ss.SSS'. */
export const formatBeijingTime = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 23);

const roleLabel = (role: string | null) =>
  role && role in ROLE_LABELS ? ROLE_LABELS[role as Role].zh : (role ?? '');

const rowOf = (r: AuditRecord) => [
  r.chainSeq ?? '',
  r.id,
  formatBeijingTime(r.occurredAt),
  r.actorName ?? '',
  roleLabel(r.actorRole),
  r.action,
  r.targetType ?? '',
  r.targetId ?? '',
  AUDIT_OUTCOME_LABELS[r.outcome].zh,
  r.ip ?? '',
  r.requestId ?? '',
  JSON.stringify(r.details),
  r.hash ?? '',
];

const describeFilter = (f: AuditFilter) =>
  [
    f.from ? `起 ${f.from}` : '',
    f.to ? `止 ${f.to}` : '',
    f.actor ? `操作人含“${f.actor}”` : '',
    f.action ? `操作 ${f.action}` : '',
    f.outcome ? `结果 ${AUDIT_OUTCOME_LABELS[f.outcome].zh}` : '',
  ]
    .filter(Boolean)
    .join('；') || '全部';

/**
 * The filtered audit log as an .xlsx workbook (newest first), written row by row. The export is
 * itself recorded as 'audit.exported' once the workbook is complete; one that is refused for its
 * size is recorded as failed.
 */
export const exportAuditWorkbook = async (
  ctx: AppContext,
  request: FastifyRequest,
  filter: AuditFilter,
): Promise<{ workbook: Buffer; filename: string }> => {
  const total = await countAuditRecords(ctx.db, filter);
  if (total > AUDIT_EXPORT_MAX_ROWS) {
    await ctx.db.transaction((tx) =>
      ctx.audit(tx, request, {
        action: 'audit.exported',
        outcome: 'failed',
        targetType: 'audit_log',
        details: { filter, rows: total, reason: 'too_large' },
      }),
    );
    throw auditErrors.fail('audit.export_too_large');
  }
  const now = ctx.clock.now();
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Zongzhi';
  wb.created = now;

  const about = wb.addWorksheet('导出说明');
  about.columns = [
    { header: '项目', key: 'k', width: 14 },
    { header: '内容', key: 'v', width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  for (const [k, v] of [
    ['导出时间', formatBeijingTime(now.toISOString())],
    ['导出人', request.access?.principal.username ?? ''],
    ['筛选条件', describeFilter(filter)],
    ['记录数', String(total)],
    ['说明', '本表由审计日志导出，导出操作本身已记入审计日志；完整性以系统内哈希链校验为准。'],
  ])
    about.addRow({ k, v }).commit();
  about.commit();

  const sheet = wb.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = AUDIT_EXPORT_COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  // Offset batches over a count capped above: bounded memory, no whole-table read.
  while (written < total) {
    const batch = await findAuditRecords(ctx.db, filter, { offset: written, limit: BATCH });
    if (batch.length === 0) break;
    for (const r of batch) sheet.addRow(rowOf(r)).commit();
    written += batch.length;
  }
  sheet.commit();
  await wb.commit();
  await ended;

  await ctx.db.transaction((tx) =>
    ctx.audit(tx, request, {
      action: 'audit.exported',
      outcome: 'ok',
      targetType: 'audit_log',
      details: { filter, rows: written },
    }),
  );
  const stamp = formatBeijingTime(now.toISOString()).slice(0, 10);
  return { workbook: Buffer.concat(chunks), filename: `审计日志-${stamp}.xlsx` };
};
