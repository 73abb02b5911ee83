import { defineErrors } from '../../platform/errors';

export const documentErrors = defineErrors({
  'documents.no_rulebook': {
    status: 422,
    message: {
      zh: '发文单位未适用任何综治制度（规则库），无法确定发文机关名称和发文字号',
      en: 'The issuing unit follows no rulebook, so the issuing body and its number prefix are unknown',
    },
  },
  'documents.no_abbreviation': {
    status: 422,
    message: {
      zh: '发文机关的发文字号简称未设置：请在发文单位适用的制度中设置 bodies.office.abbreviation（综治办）或 bodies.committee.abbreviation（综治委）',
      en: 'The issuing body has no number prefix: set bodies.office.abbreviation (or bodies.committee.abbreviation) in the rulebook the issuing unit follows',
    },
  },
});
