import { COMPARATOR_SYMBOLS, type LetterTarget, MEASURE_UNIT_LABELS } from '@zongzhi/domain';
import { formatChineseDate } from '../../platform/documents/format';
import type { DocumentBlock, OfficialDocument } from '../../platform/documents/official-document';
import type { LetterRow, SignatureRow, VersionRow } from './letters.repository';

const PER_LABEL = { month: '每月', quarter: '每季度', half_year: '每半年', year: '全年' } as const;
const PARTY_LABEL = { issuer: '甲方（发放单位）', recipient: '乙方（责任单位）' } as const;

/** The target's required level as printed: '≤ 7 起/万人', '全年 ≥ 12 次（件）', '< 上年', '定性'. */
export const describeTargetLevel = (t: LetterTarget): string => {
  if (t.kind === 'qualitative') return '定性目标';
  const per = t.per === 'year' ? '' : `${PER_LABEL[t.per]} `;
  if (t.reference === 'previous_year' || t.threshold === null)
    return `${per}${COMPARATOR_SYMBOLS[t.comparator]} 上年`;
  const unit = MEASURE_UNIT_LABELS[t.unit].zh;
  return `${per}${COMPARATOR_SYMBOLS[t.comparator]} ${t.threshold}${unit === '%' ? '%' : ` ${unit}`}`;
};

const signedAtText = (iso: string) => {
  // China time, minutes: '2026-03-05 10:21 已电子签署'.
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} 已电子签署`;
};

/**
 * The letter as an official document (format 'plain': no organ mark): the title, both parties,
 * the preamble, the targets table, the responsibilities, the version and its SM3, and one
 * signature block per signatory with the electronic signature record once signed.
 */
export const buildLetterDocument = ({
  letter,
  version,
  signatures,
}: {
  letter: LetterRow;
  version: VersionRow;
  signatures: readonly SignatureRow[];
}): OfficialDocument => {
  const body: DocumentBlock[] = [
    { kind: 'paragraph', text: `${PARTY_LABEL.issuer}：${letter.issuerUnitName}` },
    { kind: 'paragraph', text: `${PARTY_LABEL.recipient}：${letter.recipientUnitName}` },
    ...version.preamble
      .split(/\n+/)
      .filter((p) => p.trim().length > 0)
      .map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    { kind: 'heading', level: 1, text: '一、责任目标' },
    {
      kind: 'table',
      header: ['序号', '目标', '目标值', '权重', '佐证材料'],
      rows: version.targets.map((t, i) => [
        String(t.number ?? i + 1),
        t.title,
        describeTargetLevel(t),
        String(t.weight),
        t.evidence ?? '—',
      ]),
      widths: [1, 6, 3, 1.2, 2.5],
    },
    { kind: 'heading', level: 1, text: '二、责任与考核' },
    ...version.responsibilities.map((text): DocumentBlock => ({ kind: 'paragraph', text })),
    {
      kind: 'paragraph',
      text: `本责任书第${version.version}版${version.reason ? `（修订原因：${version.reason}）` : ''}，签订日期${formatChineseDate(
        letter.issueDate,
      )}，电子存证 SM3：${version.hash}`,
    },
    // One row of two blocks per pair of signatories, issuer left and recipient right (党政同责:
    // usually two rows), so that each block keeps the width of half the text block.
    ...signatureRows(letter, signatures),
  ];
  return { format: 'plain', title: version.title, body };
};

const signatureRows = (letter: LetterRow, signatures: readonly SignatureRow[]): DocumentBlock[] => {
  const issuer = signatures.filter((s) => s.party === 'issuer');
  const recipient = signatures.filter((s) => s.party === 'recipient');
  const block = (s: SignatureRow) => ({
    role: PARTY_LABEL[s.party],
    organ: s.party === 'issuer' ? letter.issuerUnitName : letter.recipientUnitName,
    person: s.postTitle ? `${s.postTitle} ${s.name}` : s.name,
    ...(s.signedAt ? { signedAt: signedAtText(s.signedAt) } : {}),
    ...(s.hash ? { hash: s.hash } : {}),
  });
  const rows: DocumentBlock[] = [];
  for (let i = 0; i < Math.max(issuer.length, recipient.length); i += 1) {
    const pair = [issuer[i], recipient[i]].filter((s): s is SignatureRow => s !== undefined);
    rows.push({ kind: 'signatures', parties: pair.map(block) });
  }
  return rows;
};
