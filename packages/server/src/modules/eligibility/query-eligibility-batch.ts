import {
  ELIGIBILITY_BATCH_MAX,
  ELIGIBILITY_CSV_COLUMNS,
  type EligibilityBatchItem,
  type EligibilityBatchQuery,
  type EligibilityBatchResponse,
  type EligibilityPurposeValue,
  eligibilityBatchItemSchema,
  eligibilityBatchRequestSchema,
} from '@zongzhi/contracts';
import { toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { parseCsv, writeCsv } from './eligibility-csv';
import { eligibilityErrors } from './eligibility.errors';
import { listBarsOfParties, type StoredBar } from './eligibility.repository';
import { findVisiblePeople, findVisibleUnits } from './party-scope';
import { buildAnswer, eligibilityAuditEntry } from './query-eligibility';

type Question = {
  row: number;
  kind: 'person' | 'unit';
  id: number;
  date: string;
  purpose: EligibilityPurposeValue;
};

/** Reads a CSV upload into batch items; a wrong cell is reported as `body.rows.<row>.<column>`. */
const readCsvItems = (
  text: string,
): { items: EligibilityBatchItem[]; header: string[]; cells: string[][] } => {
  const [header = [], ...cells] = parseCsv(text);
  const names = header.map((h) => h.trim().toLowerCase());
  if (!names.includes('person_id') && !names.includes('unit_id'))
    throw invalid([
      field(
        'body.header',
        'CSV 首行须包含 person_id 或 unit_id 列',
        'The header row must name person_id or unit_id',
      ),
    ]);
  if (cells.length === 0) throw invalid([field('body.rows', 'CSV 没有数据行', 'The CSV has no data rows')]);
  if (cells.length > ELIGIBILITY_BATCH_MAX)
    throw invalid([
      field(
        'body.rows',
        `一次最多查询 ${ELIGIBILITY_BATCH_MAX} 行`,
        `At most ${ELIGIBILITY_BATCH_MAX} rows per batch`,
      ),
    ]);
  const errors: FieldError[] = [];
  const items = cells.map((r, i) => {
    const raw: Record<string, string> = {};
    for (const c of ELIGIBILITY_CSV_COLUMNS) {
      const at = names.indexOf(c);
      const v = at >= 0 ? (r[at] ?? '').trim() : '';
      if (v !== '') raw[c === 'person_id' ? 'person' : c === 'unit_id' ? 'unit' : c] = v;
    }
    const parsed = eligibilityBatchItemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? 'person');
        const column = key === 'person' ? 'person_id' : key === 'unit' ? 'unit_id' : key;
        errors.push(field(`body.rows.${i + 1}.${column}`, '此格无效', `Invalid cell: ${issue.message}`));
      }
      return raw as EligibilityBatchItem;
    }
    return parsed.data;
  });
  if (errors.length > 0) throw invalid(errors.slice(0, 50));
  return { items, header, cells };
};

const REASON_TEXT = (a: NonNullable<EligibilityBatchResponse['items'][number]['answer']>) =>
  a.reasons
    .map(
      (r) =>
        `case ${r.caseId} ${r.step} ${r.rule.citation ? `${r.rule.citation.doc} ${r.rule.citation.article}` : r.rule.windowId}: ${r.bar} ${r.from}→${r.to ?? '…'}`,
    )
    .join('; ');

/**
 * The batch form (提拔奖励征求综治委意见 for a list of candidates): JSON items, or a CSV upload
 * answered as JSON or CSV. A party absent or outside the caller's scope answers `found: false`
 * (the single query answers 404); every answer is audited, all in one transaction.
 */
export const queryEligibilityBatch = async (
  ctx: AppContext,
  request: FastifyRequest,
  query: EligibilityBatchQuery,
): Promise<{ json: EligibilityBatchResponse } | { csv: string }> => {
  const { grants } = getAccess(request);
  const body = request.body;
  let items: EligibilityBatchItem[];
  let defaults: { date?: string | undefined; purpose?: EligibilityPurposeValue | undefined } = query;
  let csvInput: { header: string[]; cells: string[][] } | null = null;
  if (typeof body === 'string') {
    const read = readCsvItems(body);
    items = read.items;
    csvInput = read;
  } else if (body && typeof body === 'object') {
    const parsed = eligibilityBatchRequestSchema.safeParse(body);
    if (!parsed.success)
      throw invalid(
        parsed.error.issues
          .slice(0, 50)
          .map((i) => field(['body', ...i.path.map(String)].join('.'), '此项无效', i.message)),
      );
    items = parsed.data.items;
    defaults = { date: parsed.data.date ?? query.date, purpose: parsed.data.purpose ?? query.purpose };
  } else throw eligibilityErrors.fail('eligibility.unsupported_media');

  const today = toChinaDate(ctx.clock.now());
  const missing: FieldError[] = [];
  const questions: Question[] = items.map((item, i) => {
    const purpose = item.purpose ?? defaults.purpose;
    if (!purpose)
      missing.push(
        field(
          csvInput ? `body.rows.${i + 1}.purpose` : `body.items.${i}.purpose`,
          '请填写查询用途（promotion/award/honour）',
          'State the purpose (promotion, award or honour)',
        ),
      );
    const kind = item.person !== undefined ? 'person' : 'unit';
    return {
      row: i + 1,
      kind,
      id: (item.person ?? item.unit) as number,
      date: item.date ?? defaults.date ?? today,
      purpose: purpose ?? 'promotion',
    };
  });
  if (missing.length > 0) throw invalid(missing.slice(0, 50));

  const personIds = [...new Set(questions.filter((q) => q.kind === 'person').map((q) => q.id))];
  const unitIds = [...new Set(questions.filter((q) => q.kind === 'unit').map((q) => q.id))];
  const answers = await ctx.db.transaction(async (tx) => {
    const people = await findVisiblePeople(tx, grants, personIds);
    const units = await findVisibleUnits(tx, grants, unitIds);
    const barsOf = new Map<string, StoredBar[]>();
    for (const b of [
      ...(await listBarsOfParties(tx, 'person', [...people.keys()])),
      ...(await listBarsOfParties(tx, 'unit', [...units.keys()])),
    ]) {
      const key = `${b.partyKind}:${b.partyId}`;
      barsOf.set(key, [...(barsOf.get(key) ?? []), b]);
    }
    const out: EligibilityBatchResponse['items'] = [];
    for (const q of questions) {
      const name = (q.kind === 'person' ? people : units).get(q.id);
      if (name === undefined) {
        out.push({ row: q.row, found: false, partyKind: q.kind, partyId: q.id, answer: null });
        continue;
      }
      const bars = barsOf.get(`${q.kind}:${q.id}`) ?? [];
      const answer = buildAnswer({ kind: q.kind, id: q.id, name }, bars, q.date, q.purpose);
      await ctx.audit(tx, request, eligibilityAuditEntry(answer));
      out.push({ row: q.row, found: true, partyKind: q.kind, partyId: q.id, answer });
    }
    if (query.format === 'csv')
      await ctx.audit(tx, request, {
        action: 'eligibility.batch_exported',
        outcome: 'ok',
        targetType: 'eligibility',
        details: { rows: out.length },
      });
    return out;
  });

  if (query.format !== 'csv') return { json: { items: answers } };
  const inputHeader = csvInput?.header ?? ['person_id', 'unit_id', 'date', 'purpose'];
  const inputCells =
    csvInput?.cells ??
    questions.map((q) => [
      q.kind === 'person' ? String(q.id) : '',
      q.kind === 'unit' ? String(q.id) : '',
      q.date,
      q.purpose,
    ]);
  const header = [
    ...inputHeader,
    '名称 name',
    '查询日期 date asked',
    '用途 purpose',
    '结论 answer',
    '可恢复日期 eligible from',
    '理由 reasons',
  ];
  const rows = answers.map((a, i) => {
    const input = inputHeader.map((_, c) => inputCells[i]?.[c] ?? '');
    const q = questions[i] as Question;
    if (!a.answer) return [...input, '', q.date, q.purpose, '未找到或无权查询 / not found', '', ''];
    return [
      ...input,
      a.answer.party.name,
      a.answer.date,
      a.answer.purpose,
      a.answer.eligible ? '符合 / eligible' : '不符合 / barred',
      a.answer.eligibleFrom,
      REASON_TEXT(a.answer),
    ];
  });
  return { csv: writeCsv([header, ...rows]) };
};
