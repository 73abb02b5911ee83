import { buildTargetsFromIndicators } from '@zongzhi/domain';
import type { Database } from '../../db/client';
import { type Clock, systemClock } from '../../platform/clock';
import { findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { findShippedTemplateId, insertTemplate } from './letters.repository';

/**
 * The templates shipped with the product. Seed 001's targets (the district's 目标管理责任制, 20
 * numbered targets, no. 19 deliberately omitted — RULES.md §8) become the county → town template,
 * built from the stored `district-001` rulebook's indicator items so that the letter and the
 * rulebook cannot disagree. The wording is the product's; jurisdictions copy and edit it.
 */
const SHIPPED = [
  {
    key: 'district-001-county-town',
    rulebookId: 'district-001',
    name: '县（区）与乡镇（街道）社会治安综合治理目标管理责任书（据某区综治管理制度 20 项目标）',
    relationshipId: 'county-town',
    title: '社会治安综合治理（平安建设）目标管理责任书',
    preamble:
      '为认真落实社会治安综合治理领导责任制，按照“属地管理”和“谁主管谁负责”的原则，把社会治安综合治理各项任务分解为具体目标，自上而下层层签订责任书。经甲乙双方协商，签订本责任书。',
    responsibilities: [
      '（一）乙方党政主要负责同志是本单位社会治安综合治理第一责任人，分管负责同志是直接责任人，领导班子其他成员对分管范围内的社会治安综合治理工作负责（党政同责、一岗双责）。',
      '（二）乙方应将上述目标分解到所属村（社区）、部门和单位，层层签订责任书，签状率达到百分之百。',
      '（三）甲方按季度检查、年终考核，考核结果作为乙方领导班子和领导干部实绩评价、奖励和选拔任用的重要依据。',
      '（四）对未完成目标或发生应予追究情形的，按照规定予以通报、约谈、挂牌督办、一票否决等责任督导和追究。',
      '（五）本责任书一式两份，甲乙双方各执一份，自签署之日起生效，有效期至当年十二月三十一日。',
    ],
  },
] as const;

export type EnsureShippedLetterTemplatesResult = { seeded: string[]; present: string[]; skipped: string[] };

/** Stores each shipped template once (idempotent); one whose rulebook is not stored is skipped. */
export const ensureShippedLetterTemplates = async (
  db: Database,
  clock: Clock = systemClock,
): Promise<EnsureShippedLetterTemplatesResult> => {
  const result: EnsureShippedLetterTemplatesResult = { seeded: [], present: [], skipped: [] };
  await db.transaction(async (tx) => {
    for (const t of SHIPPED) {
      if ((await findShippedTemplateId(tx, t.key)) !== undefined) {
        result.present.push(t.key);
        continue;
      }
      const now = clock.now();
      const rulebook = await findRulebookInForce(tx, t.rulebookId, new Date(now.getTime() + 1));
      if (!rulebook) {
        result.skipped.push(t.key);
        continue;
      }
      await insertTemplate(tx, {
        name: t.name,
        relationshipId: t.relationshipId,
        title: t.title,
        preamble: t.preamble,
        responsibilities: [...t.responsibilities],
        targets: buildTargetsFromIndicators(rulebook.rulebook.indicators.items),
        ownerUnitId: null,
        shippedKey: t.key,
        now,
        by: 'system',
      });
      result.seeded.push(t.key);
    }
  });
  return result;
};
