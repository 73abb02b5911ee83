import { LADDER_STEPS } from '@zongzhi/domain';
import { Steps, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n/i18n';
import type { AccountabilityStepId, StepDeadline } from './accountability-api';

/** Ant Design colours of the rungs: the higher, the hotter. */
export const STEP_COLORS: Record<AccountabilityStepId, string> = {
  notice: 'blue',
  interview: 'gold',
  listed_supervision: 'orange',
  yellow_card: 'orange',
  veto: 'red',
  referral: 'magenta',
  major_case_notice: 'volcano',
  recommendation: 'purple',
};

export const StepTag = ({ step, testId }: { step: AccountabilityStepId; testId?: string }) => {
  const { t } = useI18n();
  return (
    <Tag color={STEP_COLORS[step]} data-testid={testId}>
      {t(`accountability.step.${step}`)}
    </Tag>
  );
};

/** Where a step stands on the ladder 通报 → 约谈 → 挂牌督办 → 一票否决 → 移送; off-ladder steps sit beside the rung they follow. */
const rungOf = (step: AccountabilityStepId): number => {
  const i = LADDER_STEPS.indexOf(step as (typeof LADDER_STEPS)[number]);
  if (i >= 0) return i;
  if (step === 'yellow_card') return LADDER_STEPS.indexOf('listed_supervision');
  if (step === 'recommendation') return LADDER_STEPS.indexOf('veto');
  return 0; // the major-case notice opens at the foot of the ladder
};

/** The ladder, the current rung highlighted (red when its deadline was missed). */
export const LadderSteps = ({
  current,
  overdue,
  closed = false,
  size = 'small',
  testId,
}: {
  current: AccountabilityStepId;
  overdue: boolean;
  /** A closed case: its last rung is done (lifted on acceptance). */
  closed?: boolean;
  size?: 'small' | 'medium';
  testId?: string;
}) => {
  const { t } = useI18n();
  const rung = rungOf(current);
  return (
    <Steps
      size={size}
      current={rung}
      status={closed ? 'finish' : overdue ? 'error' : 'process'}
      data-testid={testId}
      items={LADDER_STEPS.map((s, i) => ({
        key: s,
        title:
          i === rung && current !== s
            ? `${t(`accountability.step.${s}`)}（${t(`accountability.step.${current}`)}）`
            : t(`accountability.step.${s}`),
      }))}
    />
  );
};

/** Whole days from today (the browser's calendar date, China time in use) to a date; negative once passed. */
export const daysUntil = (date: string) => dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');

/** A deadline with its countdown: green with days left, gold on its last three days, red once missed. */
export const DeadlineCountdown = ({
  deadline,
  testId,
}: {
  deadline: StepDeadline | null;
  testId?: string;
}) => {
  const { t } = useI18n();
  if (!deadline) return <span data-testid={testId}>—</span>;
  const days = daysUntil(deadline.date);
  const met = deadline.metOn !== null;
  const color = met ? 'default' : days < 0 ? 'red' : days <= 3 ? 'gold' : 'green';
  const text = met
    ? t('accountability.deadline.met', { date: deadline.metOn ?? '' })
    : days < 0
      ? t('accountability.countdown.missed', { days: -days })
      : days === 0
        ? t('accountability.countdown.today')
        : t('accountability.countdown.left', { days });
  return (
    <Tooltip title={t(`accountability.deadline.${deadline.kind}`)}>
      <span data-testid={testId} data-state={met ? 'met' : days < 0 ? 'missed' : 'open'}>
        {deadline.date} <Tag color={color}>{text}</Tag>
      </span>
    </Tooltip>
  );
};
