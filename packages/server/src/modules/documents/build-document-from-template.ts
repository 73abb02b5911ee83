import {
  DOCUMENT_TEMPLATE_VARS,
  type DocumentTemplateContent,
  type OfficialDocumentKindName,
} from '@zongzhi/contracts';
import { formatChineseDate } from '../../platform/documents/format';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/official-document';

/** How a missing placeholder shows in the text: visible, never silently empty. */
const VAR_LABELS: Record<string, string> = {
  unitName: '单位名称',
  issuerName: '发文单位',
  issuerBody: '发文机关',
  addressee: '主送机关',
  date: '日期',
  situation: '有关情况',
  deadline: '期限',
  rectificationPeriod: '整改期限',
  firstReportDeadline: '首次报告期限',
  reportCadence: '报告频次',
  caseFacts: '案事件情况',
  interviewTime: '约谈时间',
  interviewPlace: '约谈地点',
  superiorName: '上级主管单位',
  measures: '督办事项',
  basis: '本地实施办法',
};

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** Placeholders of a text that are not known variables, and braces that do not form one. */
export function checkTemplateText(text: string): { unknown: string[]; malformed: boolean } {
  const known = new Set<string>(DOCUMENT_TEMPLATE_VARS);
  const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string).filter((n) => !known.has(n));
  const malformed = /\{\{|\}\}/.test(text.replace(PLACEHOLDER, ''));
  return { unknown, malformed };
}

export function fillPlaceholders(text: string, vars: Record<string, string>): string {
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const v = vars[name];
    return v !== undefined && v.trim() !== '' ? v.trim() : `【${VAR_LABELS[name] ?? name}】`;
  });
}

/**
 * The body's name as printed in an organ mark: the rulebook's name without its parenthesised
 * short form, and without a level word the unit's name already ends with
 * (株洲县 + 县综治委办公室（县综治办） → 株洲县综治委办公室).
 */
export function organName(unitName: string, bodyName: string): string {
  let body = bodyName.replace(/[（(][^）)]*[）)]/g, '').trim();
  const last = unitName.slice(-1);
  if (/[省市县区镇乡]/.test(last) && body.startsWith(last)) body = body.slice(1);
  return `${unitName}${body}`;
}

export type BuildDocumentInput = {
  kind: OfficialDocumentKindName;
  template: DocumentTemplateContent;
  /** Issuing unit's name and the issuing body's name from its rulebook (bodies.office.name.zh …). */
  issuer: { unitName: string; bodyName: string };
  /** Formatted 发文字号; absent in a preview. */
  number?: string;
  /** 主送机关 without the colon. */
  addressee: string;
  /** Values of the placeholders; unitName is the subject unit's name. */
  vars: Record<string, string>;
  extraBlocks?: DocumentBlock[];
  /** 成文日期 YYYY-MM-DD. */
  date: string;
};

/** Builds the printable document from a template (pure; used for issuing and for previews). */
export function buildDocumentFromTemplate(input: BuildDocumentInput): OfficialDocument {
  const organ = organName(input.issuer.unitName, input.issuer.bodyName);
  const vars: Record<string, string> = {
    issuerName: input.issuer.unitName,
    issuerBody: organ,
    addressee: input.addressee,
    date: formatChineseDate(input.date),
    ...input.vars,
  };
  const body: DocumentBlock[] = [];
  for (const block of input.template.body) {
    const text = fillPlaceholders(block.text, vars);
    if (block.kind === 'heading') body.push({ kind: 'heading', level: block.level, text });
    else
      for (const p of text
        .split(/\n+/)
        .map((s) => s.trim())
        .filter(Boolean))
        body.push({ kind: 'paragraph', text: p });
  }
  body.push(...(input.extraBlocks ?? []));
  const addressee = input.addressee.trim();
  const doc: OfficialDocument = {
    format: input.template.format,
    organMark: input.template.format === 'document' ? `${organ}文件` : organ,
    title: fillPlaceholders(input.template.title, vars),
    body,
    signOff: { organ, date: input.date, seal: true },
  };
  // 信函格式: 版记不加印发机关和印发日期 (GB/T 9704 §10.1)
  if (input.template.format === 'document') doc.imprint = { organ, date: input.date };
  if (input.number) doc.number = input.number;
  if (addressee) doc.addressee = /[：:]$/.test(addressee) ? addressee : `${addressee}：`;
  if (input.template.cc?.length) doc.cc = input.template.cc.map((c) => fillPlaceholders(c, vars));
  return doc;
}
