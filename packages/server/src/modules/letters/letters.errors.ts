import { defineErrors } from '../../platform/errors';

export const lettersErrors = defineErrors({
  'letters.not_issuer': {
    status: 403,
    message: {
      zh: '只有发放单位的综治办业务人员或本单位联络员可以编制和发放责任书',
      en: "Only an operator over the issuing unit, or the issuing unit's own liaison, may prepare and issue letters",
    },
  },
  'letters.not_progress_writer': {
    status: 403,
    message: {
      zh: '只有责任单位的联络员或综治办业务人员可以填报目标进度',
      en: 'Only the liaison or an operator over the recipient unit may enter progress',
    },
  },
  'letters.no_rules': {
    status: 409,
    message: {
      zh: '该单位没有适用的规则手册（责任书部分），请先为上级单位配置规则手册',
      en: 'No rulebook with a letters section applies to this unit; attach one first',
    },
  },
  'letters.template_shipped': {
    status: 409,
    message: {
      zh: '随产品提供的模板不可修改或删除，请复制后修改',
      en: 'A template shipped with the product cannot be changed or deleted; copy it instead',
    },
  },
  'letters.template_in_use': {
    status: 409,
    message: {
      zh: '已用该模板发放过责任书，不能删除',
      en: 'Letters were issued from this template; it cannot be deleted',
    },
  },
  'letters.issuer_without_principal': {
    status: 409,
    message: {
      zh: '发放单位在发放日期没有第一责任人，无法绑定甲方签署人',
      en: 'The issuing unit has no principal on the issue date: nobody to sign for it',
    },
  },
  'letters.recipient_without_principal': {
    status: 409,
    message: {
      zh: '责任单位今天没有第一责任人，无法绑定乙方签署人',
      en: 'The recipient unit has no principal today: nobody to sign for it',
    },
  },
  'letters.nothing_to_issue': {
    status: 409,
    message: {
      zh: '所选单位都不能发放（缺少第一责任人或已有当年责任书）',
      en: 'None of the chosen units can receive a letter (no principal, or already has one this year)',
    },
  },
  'letters.batch_not_draft': {
    status: 409,
    message: { zh: '该批次已发放或正在发放', en: 'The batch has been issued or is being issued' },
  },
  'letters.batch_failed': {
    status: 409,
    message: {
      zh: '批量发放失败，本批次没有发放任何责任书，请检查后重新创建批次',
      en: 'Issuing the batch failed; no letter of it was issued. Check and create the batch again',
    },
  },
  'letters.batch_not_stuck': {
    status: 409,
    message: {
      zh: '该批次不在中断状态：只有停在“发放中”且已超过租约时间没有进展的批次才能重新处理',
      en: 'The batch is not stuck: only a batch left issuing with no progress for longer than the lease can be recovered',
    },
  },
  'letters.export_empty': {
    status: 409,
    message: {
      zh: '该批次在您的管辖范围内没有已发放的责任书，无可导出',
      en: 'The batch has no issued letter within your jurisdiction to export',
    },
  },
  'letters.export_not_ready': {
    status: 409,
    message: {
      zh: '导出尚未完成（或已失败），暂无文件可下载',
      en: 'The export has not finished (or it failed); there is no file to download yet',
    },
  },
  'letters.version_signed': {
    status: 409,
    message: {
      zh: '责任书已有人签署，不可修改；如需变更请提出修订（生成新版本并重新签署）',
      en: 'The letter has been signed and cannot change; amend it instead (a new version, signed again)',
    },
  },
  'letters.not_signatory': {
    status: 403,
    message: {
      zh: '您不是本责任书当前版本的待签署人，不能签署',
      en: 'You are not a signatory of the current version of this letter with a pending signature',
    },
  },
  'letters.already_signed': {
    status: 409,
    message: {
      zh: '您已签署本责任书的当前版本',
      en: 'You have already signed the current version of this letter',
    },
  },
  'letters.totp_not_enrolled': {
    status: 409,
    message: {
      zh: '签署需要动态口令，请先在“账户安全”中绑定动态口令',
      en: 'Signing needs a one-time code: enrol an authenticator in your account settings first',
    },
  },
  'letters.version_tampered': {
    status: 409,
    message: {
      zh: '责任书内容与其存证哈希不一致，已拒绝签署，请联系管理员',
      en: 'The letter no longer matches its recorded hash; signing refused, contact an administrator',
    },
  },
  'letters.computed_indicator': {
    status: 409,
    message: {
      zh: '该目标的实际值由系统根据已有数据自动计算，无需填报',
      en: "This target's value is computed from data the system holds; it is not entered",
    },
  },
  'letters.import_invalid': {
    status: 400,
    message: {
      zh: '导入文件有误，未导入任何数据，请按标出的单元格修改后重新导入',
      en: 'The file has errors; nothing was imported. Fix the cells listed and import again',
    },
  },
});
