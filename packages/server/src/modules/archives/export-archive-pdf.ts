import type { Archive } from '@zongzhi/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/official-document';
import { renderPdf } from '../../platform/documents/render-pdf';
import { PDF_MIME_TYPE } from '../../platform/http/content-types';
import { getArchive } from './get-archive';

const ROLE = { principal: '第一责任人', in_charge: '直接责任人' } as const;
const KIND = {
  praise: '表扬',
  citation: '嘉奖',
  advanced_unit: '先进单位',
  advanced_individual: '先进个人',
} as const;

/** The archive as a printable document ('plain' format: a form, no organ mark). */
export const buildArchiveDocument = (a: Archive): OfficialDocument => {
  const body: DocumentBlock[] = [];
  const para = (text: string) => body.push({ kind: 'paragraph', text });
  body.push({ kind: 'heading', level: 1, text: '一、任职与履职情况' });
  if (a.posts.length === 0) para('本年度未担任第一责任人或直接责任人职务。');
  a.posts.forEach((p, i) => {
    body.push({ kind: 'heading', level: 2, text: `（${i + 1}）${p.unitName}${p.title}（${ROLE[p.role]}）` });
    para(`任职期间：${p.from}至${p.to}（不含）。`);
    para(`职责履行：按时${p.duties.onTime}项，逾期${p.duties.late}项，未完成${p.duties.open}项。`);
    para(
      `主持会议：${p.meetingsChaired.length}次${p.meetingsChaired.length ? `（${p.meetingsChaired.map((m) => `${m.date} ${m.duty}`).join('；')}）` : ''}。`,
    );
    para(
      `整改任务：${p.rectifications.length}项${p.rectifications.length ? `（${p.rectifications.map((r) => `${r.issuedOn}下达，期限${r.deadline}，${r.state}`).join('；')}）` : ''}。`,
    );
    para(
      `案事件：${p.incidents.length}起${p.incidents.length ? `（${p.incidents.map((x) => `${x.occurredAt.slice(0, 10)} ${x.title}`).join('；')}）` : ''}。`,
    );
    para(
      `单位年度考核：${p.grade ? `等次${p.grade.gradeId ?? '未评定'}，得分${p.grade.score ?? '—'}，排名${p.grade.rank ?? '—'}` : '无已关闭的年度考核结果'}。`,
    );
  });
  body.push({ kind: 'heading', level: 1, text: '二、签订责任书情况' });
  if (a.lettersSigned.length === 0) para('无。');
  else
    body.push({
      kind: 'table',
      header: ['年度', '发放单位', '责任单位', '签署时间', '目标数'],
      rows: a.lettersSigned.map((l) => [
        String(l.year),
        l.issuerUnitName,
        l.recipientUnitName,
        l.signedAt.slice(0, 10),
        String(l.targets),
      ]),
    });
  body.push({ kind: 'heading', level: 1, text: '三、被追责情况' });
  if (a.accountability.length === 0) para('无。');
  for (const b of a.accountability)
    para(
      `${b.decidedOn} ${b.caseUnitName} 案件${b.caseId}（${b.step}），影响${b.bar}，${b.from}至${b.to ?? '解除前'}。`,
    );
  body.push({ kind: 'heading', level: 1, text: '四、表彰奖励情况' });
  if (a.rewards.length === 0) para('无。');
  for (const r of a.rewards) para(`${r.decidedOn} ${KIND[r.kind]}（${r.year}年度）。`);
  body.push({ kind: 'heading', level: 1, text: '五、述职报告' });
  para(
    a.dutyReport
      ? `已上传：${a.dutyReport.fileName}（${a.dutyReport.sizeBytes}字节，${a.dutyReport.uploadedAt.slice(0, 10)}）。`
      : '未上传。',
  );
  return { format: 'plain', title: `${a.person.name}${a.year}年度综治工作实绩档案`, body };
};

export const exportArchivePdf = async (
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: number,
  year: number,
) => {
  const archive = await getArchive(ctx.db, request, personId, year);
  const pdf = await renderPdf(buildArchiveDocument(archive));
  await ctx.audit(ctx.db, request, {
    action: 'archive.exported',
    outcome: 'ok',
    targetType: 'person',
    targetId: personId,
    details: { year, format: 'pdf', bytes: pdf.length },
  });
  return reply
    .type(PDF_MIME_TYPE)
    .header(
      'content-disposition',
      `attachment; filename="archive-${personId}-${year}.pdf"; filename*=UTF-8''${encodeURIComponent(`${archive.person.name}-${year}-实绩档案.pdf`)}`,
    )
    .send(pdf);
};
