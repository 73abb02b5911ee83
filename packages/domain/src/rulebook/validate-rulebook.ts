import type { z } from 'zod';
import type { Bilingual } from '../units/unit-kinds';
import { REMOVE_KEY, type RulebookDocument, rulebookLayerSchema } from './rulebook-layer.schema';
import { isRecord, type Rulebook, rulebookSchema } from './rulebook.schema';

export type RulebookError = {
  /** Path of the wrong parameter, e.g. `ladder.steps[2].rectification.amount`. */
  path: string;
  message: Bilingual;
  /** Set when the error belongs to one rulebook of a chain. */
  rulebook?: string;
};

export type RulebookValidation<T> = { ok: true; rulebook: T } | { ok: false; errors: RulebookError[] };

/** Messages of the custom checks (keys used as zod messages in the schemas). */
export const RULEBOOK_MESSAGES: Record<string, Bilingual> = {
  'rulebook.id': {
    zh: '标识只能用小写字母、数字和连字符，且以字母开头',
    en: 'an id is lower-case letters, digits and hyphens, starting with a letter',
  },
  'rulebook.duplicateId': { zh: '标识重复', en: 'duplicate id' },
  'rulebook.unknownDoc': {
    zh: '引用的文件不在本制度的来源（sources）中',
    en: 'the cited document is not among the sources of this rulebook',
  },
  'rulebook.stepOrder': {
    zh: '追责步骤须按 通报→约谈→挂牌督办→一票否决→移送 的顺序排列',
    en: 'ladder steps must be in the order notice → interview → listed supervision → veto → referral',
  },
  'rulebook.unknownStep': { zh: '引用了不存在的追责步骤', en: 'refers to a ladder step that does not exist' },
  'rulebook.dayOfMonth': { zh: '该月没有这一天', en: 'the month has no such day' },
  'rulebook.windowDuration': {
    zh: '期限须给出月数（months）或条件（until）',
    en: 'a window needs a number of months or an `until` condition',
  },
  'rulebook.thresholdValue': {
    zh: '阈值须给出数值（value）或参照（reference）之一',
    en: 'a threshold needs exactly one of `value` or `reference`',
  },
  'rulebook.requiredRemoval': {
    zh: '必填参数不能删除，只能改写',
    en: 'a required parameter cannot be removed, only overridden',
  },
  'rulebook.fact': {
    zh: '数据来源须为系统计算的结果类事实之一（不提供打卡、在线时长、里程类指标）',
    en: 'the data source must be one of the computed outcome facts (no check-in, online-time or mileage indicators)',
  },
  'rulebook.factSource': {
    zh: '只有系统计算的指标（dataSource 为 computed）才能指定事实来源',
    en: 'only a computed indicator (`dataSource: computed`) names a fact',
  },
  'rulebook.scoringMethod': {
    zh: '计分参数的种类须与指标的计分方法一致',
    en: 'the scoring parameters must be of the indicator’s method',
  },
  'rulebook.thresholdPoints': {
    zh: '未达标得分不能高于达标得分',
    en: 'points when not met cannot exceed points when met',
  },
  'rulebook.linearBounds': { zh: '下限须小于上限', en: 'the lower bound must be below the upper bound' },
  'rulebook.deductionFloor': {
    zh: '扣分下限不能高于满分',
    en: 'the floor cannot exceed the maximum points',
  },
  'rulebook.gradeFloor': {
    zh: '须有一个等次的最低分为 0，使每个得分都有等次',
    en: 'one grade must start at 0 so that every score has a grade',
  },
  'rulebook.gradeOrder': {
    zh: '各等次的最低分须互不相同且不超过满分',
    en: 'grades need distinct minimum scores, none above the maximum score',
  },
  'rulebook.unknownGrade': { zh: '引用了不存在的等次', en: 'refers to a grade that does not exist' },
  'rulebook.notObject': { zh: '制度须为一个对象', en: 'a rulebook must be an object' },
  'chain.empty': { zh: '继承链为空', en: 'the chain is empty' },
  'chain.rootExtends': {
    zh: '继承链的第一个制度不能再继承其他制度',
    en: 'the first rulebook of a chain must not extend another',
  },
  'chain.parentMismatch': {
    zh: '继承链顺序错误：extends 须指向上一个制度',
    en: 'chain out of order: `extends` must name the previous rulebook',
  },
  'chain.unknownParent': { zh: '找不到所继承的制度', en: 'the rulebook it extends was not found' },
  'chain.cycle': { zh: '继承关系成环', en: 'the extends relation forms a cycle' },
  'merge.nothingToRemove': {
    zh: '要删除的继承项不存在',
    en: 'there is no inherited entry to remove',
  },
};

/** A path segment: an object key, an index into a list, or the id of an entry in a list. */
export type RulebookPathSegment = string | number | { id: string };

/**
 * Renders a path as `ladder.steps[2].rectification.amount` (a written document, by index) or
 * `ladder.steps[interview].rectification.amount` (a resolved rulebook, by entry id).
 */
export const formatRulebookPath = (segments: readonly (RulebookPathSegment | symbol)[]): string =>
  segments
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (typeof segment === 'object') return `[${segment.id}]`;
      return index === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');

const describeIssue = (issue: z.core.$ZodIssue): Bilingual => {
  const known = RULEBOOK_MESSAGES[issue.message];
  if (known) return known;
  // Parsed with `reportInput`, so an absent value shows as `input: undefined`.
  if ('input' in issue && issue.input === undefined && issue.code !== 'custom') {
    return { zh: '缺少必填参数', en: 'required parameter is missing' };
  }
  if (issue.code === 'unrecognized_keys' && issue.keys.includes(REMOVE_KEY)) {
    return RULEBOOK_MESSAGES['rulebook.requiredRemoval']!;
  }
  switch (issue.code) {
    case 'invalid_type':
      return { zh: `类型错误，应为 ${issue.expected}`, en: `expected ${issue.expected}` };
    case 'too_small':
      return {
        zh: `不能小于${issue.inclusive ? '' : '等于'} ${String(issue.minimum)}`,
        en: `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`,
      };
    case 'too_big':
      return {
        zh: `不能大于${issue.inclusive ? '' : '等于'} ${String(issue.maximum)}`,
        en: `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}`,
      };
    case 'invalid_value':
      return {
        zh: `取值须为以下之一：${issue.values.map(String).join('、')}`,
        en: `must be one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: `未知参数：${issue.keys.join('、')}`, en: `unknown parameter: ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { zh: '不符合任何一种允许的形式', en: 'matches none of the allowed forms' };
    default:
      return { zh: '参数无效', en: issue.message };
  }
};

/**
 * zod reports a value matching no branch of a union as one issue holding every branch's issues.
 * The branch that got furthest into the value is the one the author meant.
 */
const flattenIssue = (issue: z.core.$ZodIssue): z.core.$ZodIssue[] => {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((i) => i.path.length));
  const best = issue.errors.reduce((a, b) => (depth(b) >= depth(a) ? b : a));
  if (depth(best) === 0 && best.every((i) => i.code === 'invalid_type')) return [issue];
  return best.flatMap((inner) => flattenIssue({ ...inner, path: [...issue.path, ...inner.path] }));
};

export const toRulebookErrors = (
  issues: readonly z.core.$ZodIssue[],
  options: { rulebook?: string; renderPath?: (path: PropertyKey[]) => string } = {},
): RulebookError[] => {
  const { rulebook, renderPath = formatRulebookPath } = options;
  const errors = issues.flatMap(flattenIssue).map((issue) => {
    // An unknown key is reported on its parent; point at the key itself.
    const path =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1 && issue.keys[0] !== REMOVE_KEY
        ? [...issue.path, issue.keys[0]!]
        : issue.path;
    const error: RulebookError = { path: renderPath(path), message: describeIssue(issue) };
    return rulebook === undefined ? error : { ...error, rulebook };
  });
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.path}\u0000${e.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/**
 * Validates a rulebook as written: complete when it has no `extends`, a layer over its parent when
 * it has. Every error names the path of the wrong parameter, in Chinese and English.
 */
export const validateRulebook = (
  input: unknown,
  /** false for a version already stored (resolving it for a past moment): see `missingSinceAdded`. */
  { newVersion = true }: { newVersion?: boolean } = {},
): RulebookValidation<RulebookDocument> => {
  if (!isRecord(input))
    return { ok: false, errors: [{ path: '', message: RULEBOOK_MESSAGES['rulebook.notObject']! }] };
  const root = input.extends === undefined;
  const parsed = (root ? rulebookSchema : rulebookLayerSchema).safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: toRulebookErrors(parsed.error.issues) };
  const missing = root && newVersion ? missingSinceAdded(parsed.data as Rulebook) : [];
  if (missing.length > 0) return { ok: false, errors: missing };
  return { ok: true, rulebook: parsed.data as RulebookDocument };
};

/**
 * Parameters added after rulebooks were first stored: optional in the schema, so that a version
 * stored before them still resolves for the moments it governed, but required of every root
 * rulebook published (or shipped) from now on.
 */
const missingSinceAdded = (r: Rulebook): RulebookError[] => {
  const required = { zh: '缺少必填参数', en: 'required parameter is missing' };
  const errors: RulebookError[] = [];
  if (r.reports.monthlySafetyReport.filers === undefined)
    errors.push({ path: 'reports.monthlySafetyReport.filers', message: required });
  if (r.indicators.assessment.advancedIndividuals === undefined)
    errors.push({ path: 'indicators.assessment.advancedIndividuals', message: required });
  return errors;
};

/** Validates a complete rulebook (a root, or the result of resolving a chain). */
export const validateCompleteRulebook = (input: unknown): RulebookValidation<Rulebook> => {
  const parsed = rulebookSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, rulebook: parsed.data };
  return { ok: false, errors: toRulebookErrors(parsed.error.issues) };
};
