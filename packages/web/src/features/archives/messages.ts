import type { Bilingual } from '../../lib/i18n/messages-types';

/** Strings of the archives area, Chinese first; keys start with 'archives.'. */
export const archivesMessages = {
  'archives.nav': { zh: '实绩档案', en: 'Archives' },
  'archives.title': { zh: '{name} {year}年度工作实绩档案', en: 'Performance archive of {name}, {year}' },
  'archives.personId': { zh: '人员编号', en: 'Person id' },
  'archives.year': { zh: '年度', en: 'Year' },
  'archives.show': { zh: '查看', en: 'Show' },
  'archives.pdf': { zh: '下载PDF', en: 'Download PDF' },
  'archives.posts': { zh: '任职与履职情况', en: 'Posts and duties' },
  'archives.noPosts': {
    zh: '本年度未担任第一责任人或直接责任人',
    en: 'No principal or in-charge post this year',
  },
  'archives.role.principal': { zh: '第一责任人', en: 'Principal' },
  'archives.role.in_charge': { zh: '直接责任人', en: 'In charge' },
  'archives.held': { zh: '任职期间 {from} 至 {to}', en: 'Held {from} to {to}' },
  'archives.duties': {
    zh: '职责履行：按时 {onTime} 项，逾期 {late} 项，未完成 {open} 项',
    en: 'Duties: {onTime} on time, {late} late, {open} open',
  },
  'archives.meetings': { zh: '主持会议 {count} 次', en: '{count} meetings chaired' },
  'archives.rectifications': { zh: '整改任务 {count} 项', en: '{count} rectification tasks' },
  'archives.incidents': { zh: '案事件 {count} 起', en: '{count} incidents' },
  'archives.grade': {
    zh: '单位年度考核：{grade}，得分 {score}，排名 {rank}',
    en: 'Unit grade {grade}, score {score}, rank {rank}',
  },
  'archives.noGrade': { zh: '无已关闭的年度考核结果', en: 'No closed annual assessment' },
  'archives.letters': { zh: '签订责任书情况', en: 'Letters signed' },
  'archives.accountability': { zh: '被追责情况', en: 'Accountability' },
  'archives.rewards': { zh: '表彰奖励情况', en: 'Rewards' },
  'archives.dutyReport': { zh: '述职报告', en: 'Duty report' },
  'archives.noReport': { zh: '尚未上传', en: 'Not uploaded' },
  'archives.upload': {
    zh: '上传述职报告（PDF/DOCX/TXT，≤10MB）',
    en: 'Upload the duty report (PDF/DOCX/TXT, ≤ 10 MB)',
  },
  'archives.uploaded': { zh: '述职报告已上传', en: 'Duty report uploaded' },
  'archives.tooBig': { zh: '文件超过10MB', en: 'The file exceeds 10 MB' },
} satisfies Record<`archives.${string}`, Bilingual>;
