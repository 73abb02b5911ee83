import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the rewards area, Chinese first; keys start with 'rewards.'. */
export const rewardsMessages = {
  'rewards.nav': { zh: '表彰奖励', en: 'Rewards' },
  'rewards.title': { zh: '表彰评选', en: 'Reward round' },
  'rewards.open': { zh: '开设表彰评选', en: 'Open a reward round' },
  'rewards.periodId': { zh: '年度考核期间编号（须已关闭）', en: 'Annual assessment period id (closed)' },
  'rewards.roundId': { zh: '打开已有评选（编号）', en: 'Open an existing round (id)' },
  'rewards.go': { zh: '前往', en: 'Go' },
  'rewards.year': { zh: '{year}年度 · {unit}', en: 'Year {year} · {unit}' },
  'rewards.status.open': { zh: '评选中', en: 'Open' },
  'rewards.status.decided': { zh: '已决定', en: 'Decided' },
  'rewards.asOf': { zh: '资格判断日期：{date}', en: 'Eligibility judged on {date}' },
  'rewards.quota': {
    zh: '评先比例 {percent}%（{rounding}）：参与排名 {ranked} 个单位，先进单位至多 {units} 个',
    en: 'Quota {percent}% ({rounding}): {ranked} ranked units, at most {units} advanced units',
  },
  'rewards.quotaIndividuals': {
    zh: '先进个人至多 {places} 名：{onDate} {assessed} 个被考核单位在任的{roles}共 {base} 人 × {percent}%（{rounding}）',
    en: 'At most {places} advanced individuals: {percent}% ({rounding}) of the {base} {roles} in post in the {assessed} assessed units on {onDate}',
  },
  'rewards.quotaIndividualsLegacy': {
    zh: '先进个人至多 {places} 名：本考核期间早于先进个人名额参数，沿用评先比例 {percent}% × 参与排名单位 {base} 个',
    en: 'At most {places} advanced individuals: this period predates the individuals’ quota parameter and keeps the units’ {percent}% of {base} ranked units',
  },
  'rewards.quotaBasis': {
    zh: '规则集参数 {field}；依据：{citation}',
    en: 'Rulebook parameter {field}; source: {citation}',
  },
  'rewards.kind.praise': { zh: '表扬', en: 'Praise' },
  'rewards.kind.citation': { zh: '嘉奖', en: 'Citation' },
  'rewards.kind.advanced_unit': { zh: '先进单位', en: 'Advanced unit' },
  'rewards.kind.advanced_individual': { zh: '先进个人', en: 'Advanced individual' },
  'rewards.candidate': { zh: '候选对象', en: 'Candidate' },
  'rewards.kind': { zh: '类别', en: 'Kind' },
  'rewards.eligible': { zh: '资格', en: 'Eligibility' },
  'rewards.ok': { zh: '符合', en: 'Eligible' },
  'rewards.excluded': { zh: '因问责排除', en: 'Excluded (accountability)' },
  'rewards.propose': { zh: '推荐个人', en: 'Propose an individual' },
  'rewards.personId': { zh: '人员编号', en: 'Person id' },
  'rewards.decide': { zh: '决定表彰所选对象', en: 'Decide the selected candidates' },
  'rewards.decided': { zh: '表彰已决定并记录', en: 'Rewards decided and recorded' },
} satisfies Record<`rewards.${string}`, Bilingual>;
