import {
  COMPARATOR_SYMBOLS,
  MEASURE_UNIT_LABELS,
  type TargetComparator,
  type TargetMeasureUnit,
  type TargetStatus,
} from '@zongzhi/domain';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n/i18n';
import type { LetterSummary, LetterTargetDto } from './letters-api';

export type LetterStatus = LetterSummary['status'];

const LETTER_STATUS_COLORS: Record<LetterStatus, string> = {
  pending: 'red',
  partially_signed: 'orange',
  signed: 'green',
};

export const LetterStatusTag = ({ status }: { status: LetterStatus }) => {
  const { t } = useI18n();
  return (
    <Tag color={LETTER_STATUS_COLORS[status]} data-testid={`letter-status-${status}`}>
      {t(`letters.status.${status}`)}
    </Tag>
  );
};

const TARGET_STATUS_COLORS: Record<TargetStatus, string> = {
  green: 'green',
  yellow: 'gold',
  red: 'red',
  no_data: 'default',
};

/** 绿/黄/红: a target's value against its threshold (no value: grey). */
export const TargetStatusTag = ({ status, testId }: { status: TargetStatus; testId?: string }) => {
  const { t } = useI18n();
  return (
    <Tag color={TARGET_STATUS_COLORS[status]} data-testid={testId ?? `target-status-${status}`}>
      {t(`letters.targetStatus.${status}`)}
    </Tag>
  );
};

export const formatInstant = (s: string | null | undefined) =>
  s ? dayjs(s).format('YYYY-MM-DD HH:mm:ss') : '—';

/** "≤ 7 起/万人", "= 100 %", "≤ 上年", or the qualitative mark. */
export const useCriterion = () => {
  const { t, pick } = useI18n();
  return (target: {
    kind: 'quantitative' | 'qualitative';
    comparator?: TargetComparator | null;
    threshold?: number | null;
    unit?: TargetMeasureUnit | null;
    reference?: 'previous_year' | null;
  }) => {
    if (target.kind === 'qualitative' || !target.comparator) return t('letters.qualitative');
    const threshold =
      target.threshold === null || target.threshold === undefined
        ? t('letters.previousYear')
        : String(target.threshold);
    const unit = target.unit ? pick(MEASURE_UNIT_LABELS[target.unit]) : '';
    return `${COMPARATOR_SYMBOLS[target.comparator]} ${threshold} ${unit}`.trim();
  };
};

export const targetCriterionInput = (target: LetterTargetDto) =>
  target.kind === 'quantitative'
    ? {
        kind: target.kind,
        comparator: target.comparator,
        threshold: target.threshold,
        unit: target.unit,
        reference: target.reference ?? null,
      }
    : { kind: target.kind };
