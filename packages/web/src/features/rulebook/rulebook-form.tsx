import { DeleteOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import type { Problem } from '@zongzhi/contracts';
import {
  BARS,
  CADENCE_UNITS,
  DUTY_KINDS,
  INCIDENT_TIME_UNITS,
  LADDER_STEPS,
  type LadderStepId,
  RECTIFICATION_UNITS,
  RESPONSIBILITY_ROLES,
  type ResponsibilityRole,
  UNIT_KIND_TABLE,
} from '@zongzhi/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import type { MessageKey } from '../../lib/i18n/messages';
import { useI18n } from '../../lib/i18n/i18n';
import { useDomainLabels } from '../../lib/labels';
import {
  type DraftObject,
  type DraftPath,
  errorPaths,
  getIn,
  isObject,
  sameValue,
  setIn,
  stripBody,
} from './rulebook-draft';

export type RulebookFormSection = 'bodies' | 'duties' | 'ladder' | 'reminders';

const DEADLINE_KINDS = [
  'end_of_period',
  'working_days_after_period_end',
  'days_after_period_start',
  'fixed_date',
  'within',
  'at_once',
] as const;

const DEADLINE_DEFAULTS: Record<(typeof DEADLINE_KINDS)[number], DraftObject> = {
  end_of_period: { kind: 'end_of_period' },
  working_days_after_period_end: { kind: 'working_days_after_period_end', days: 10 },
  days_after_period_start: { kind: 'days_after_period_start', days: 0 },
  fixed_date: { kind: 'fixed_date', month: 1, day: 15 },
  within: { kind: 'within', amount: 24, unit: 'hour' },
  at_once: { kind: 'at_once' },
};

const ID_PATTERN = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

/** What every field needs: the draft, the values it inherits, a setter and the server's errors. */
type Ctx = {
  draft: DraftObject;
  /** The resolved parent; null for a root rulebook. */
  inherited: DraftObject | null;
  set: (path: DraftPath, value: unknown) => void;
  problem: Problem | null;
};

const useFieldErrors = (ctx: Ctx, path: DraftPath): string[] => {
  const { lang } = useI18n();
  if (!ctx.problem) return [];
  const names = new Set(errorPaths(ctx.draft, path));
  return ctx.problem.errors.filter((e) => names.has(stripBody(e.path))).map((e) => e.message[lang]);
};

const tid = (path: DraftPath) => `rb-${path.map((s) => (typeof s === 'string' ? s : s.id)).join('-')}`;

type FieldProps = {
  ctx: Ctx;
  path: DraftPath;
  label: ReactNode;
  /** False where the draft replaced the inherited object whole (another `kind`). */
  inherits?: boolean;
};

const Item = ({
  ctx,
  path,
  label,
  hint,
  children,
}: {
  ctx: Ctx;
  path: DraftPath;
  label: ReactNode;
  hint?: string;
  children: ReactNode;
}) => {
  const errors = useFieldErrors(ctx, path);
  return (
    <Form.Item
      label={label}
      validateStatus={errors.length > 0 ? 'error' : undefined}
      help={errors.length > 0 ? errors.join('；') : undefined}
      extra={hint}
      style={{ marginBottom: 12 }}
    >
      <div data-testid={tid(path)}>{children}</div>
    </Form.Item>
  );
};

const inheritedOf = (ctx: Ctx, path: DraftPath, inherits = true) =>
  inherits && ctx.inherited ? getIn(ctx.inherited, path) : undefined;

const NumberField = ({ ctx, path, label, inherits, min = 1 }: FieldProps & { min?: number }) => {
  const { t } = useI18n();
  const value = getIn(ctx.draft, path);
  const inherited = inheritedOf(ctx, path, inherits);
  const overrides = typeof value === 'number' && typeof inherited === 'number' && value !== inherited;
  return (
    <Item
      ctx={ctx}
      path={path}
      label={label}
      hint={overrides ? t('rulebookForm.inheritedValue', { value: String(inherited) }) : undefined}
    >
      <InputNumber
        min={min}
        precision={0}
        style={{ width: '100%' }}
        value={typeof value === 'number' ? value : null}
        placeholder={typeof inherited === 'number' ? String(inherited) : undefined}
        onChange={(v) => ctx.set(path, typeof v === 'number' ? v : undefined)}
      />
    </Item>
  );
};

const TextField = ({ ctx, path, label, inherits }: FieldProps) => {
  const value = getIn(ctx.draft, path);
  const inherited = inheritedOf(ctx, path, inherits);
  return (
    <Item ctx={ctx} path={path} label={label}>
      <Input
        value={typeof value === 'string' ? value : ''}
        placeholder={typeof inherited === 'string' ? inherited : undefined}
        onChange={(e) => ctx.set(path, e.target.value === '' ? undefined : e.target.value)}
      />
    </Item>
  );
};

type Option = { value: string; label: string };

const SelectField = ({
  ctx,
  path,
  label,
  inherits,
  options,
  multiple,
}: FieldProps & { options: Option[]; multiple?: boolean }) => {
  const { t } = useI18n();
  const value = getIn(ctx.draft, path);
  const inherited = inheritedOf(ctx, path, inherits);
  const name = (v: unknown) => options.find((o) => o.value === v)?.label ?? String(v);
  const placeholder =
    inherited === undefined
      ? undefined
      : Array.isArray(inherited)
        ? inherited.map(name).join('、')
        : name(inherited);
  return (
    <Item
      ctx={ctx}
      path={path}
      label={label}
      hint={
        value !== undefined && placeholder !== undefined && !sameValue(value, inherited)
          ? t('rulebookForm.inheritedValue', { value: placeholder })
          : undefined
      }
    >
      <Select
        mode={multiple ? 'multiple' : undefined}
        allowClear
        style={{ width: '100%' }}
        options={options}
        value={(multiple ? (Array.isArray(value) ? value : []) : (value ?? null)) as string | string[] | null}
        placeholder={placeholder}
        onChange={(v: string | string[] | undefined) =>
          ctx.set(path, v === undefined || (Array.isArray(v) && v.length === 0) ? undefined : v)
        }
      />
    </Item>
  );
};

/** The citation of an entry: a document of the draft's `sources` and its article. */
const CitationField = ({ ctx, path }: { ctx: Ctx; path: DraftPath }) => {
  const { t } = useI18n();
  const docs = Array.isArray(ctx.draft.sources)
    ? ctx.draft.sources.filter(isObject).map((s) => String(s.id))
    : [];
  return (
    <Row gutter={12}>
      <Col xs={24} md={10}>
        <SelectField
          ctx={ctx}
          path={[...path, 'doc']}
          label={t('rulebookForm.sourceDoc')}
          options={docs.map((d) => ({ value: d, label: d }))}
        />
      </Col>
      <Col xs={24} md={14}>
        <TextField ctx={ctx} path={[...path, 'article']} label={t('rulebookForm.sourceArticle')} />
      </Col>
    </Row>
  );
};

const useEnumOptions = () => {
  const { t } = useI18n();
  const { unitKind, responsibilityRole } = useDomainLabels();
  const of = (prefix: string, values: readonly string[]): Option[] =>
    values.map((v) => ({ value: v, label: t(`rulebookForm.${prefix}.${v}` as MessageKey) }));
  return {
    cadenceUnits: of('unit', CADENCE_UNITS),
    periodUnits: of('unit', RECTIFICATION_UNITS),
    incidentUnits: of('unit', INCIDENT_TIME_UNITS),
    deadlineKinds: of('deadline', DEADLINE_KINDS),
    dutyKinds: of('dutyKind', DUTY_KINDS),
    bars: of('bar', BARS),
    unitKinds: UNIT_KIND_TABLE.map((r) => ({ value: r.kind, label: unitKind(r.kind) })),
    roles: RESPONSIBILITY_ROLES.map((r) => ({
      value: r,
      label: responsibilityRole(r as ResponsibilityRole),
    })),
  };
};

/** Entries of a list by id: the inherited ones in their order, then those only the draft has. */
const entriesOf = (ctx: Ctx, path: DraftPath) => {
  const own = getIn(ctx.draft, path);
  const base = ctx.inherited ? getIn(ctx.inherited, path) : undefined;
  const ids: string[] = [];
  for (const list of [base, own])
    if (Array.isArray(list))
      for (const e of list)
        if (isObject(e) && typeof e.id === 'string' && !ids.includes(e.id)) ids.push(e.id);
  return ids.map((id) => {
    const mine = getIn(own, [{ id }]);
    const theirs = getIn(base, [{ id }]);
    const removed = isObject(mine) && mine.$remove === true;
    const status: 'inherited' | 'overridden' | 'removed' | 'own' =
      theirs === undefined
        ? 'own'
        : removed
          ? 'removed'
          : isObject(mine) && Object.keys(mine).some((k) => k !== 'id')
            ? 'overridden'
            : 'inherited';
    return {
      id,
      status,
      inheritedEntry: theirs,
      effective: { ...(isObject(theirs) ? theirs : {}), ...(isObject(mine) ? mine : {}) },
    };
  });
};

const StatusTag = ({ status }: { status: 'inherited' | 'overridden' | 'removed' | 'own' }) => {
  const { t } = useI18n();
  const color = { inherited: 'default', overridden: 'blue', removed: 'red', own: 'green' }[status];
  return <Tag color={color}>{t(`rulebookForm.status.${status}` as MessageKey)}</Tag>;
};

const Bodies = ({ ctx }: { ctx: Ctx }) => {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rulebook-form-bodies">
      {(['committee', 'office'] as const).map((body) => (
        <Card key={body} size="small" title={t(`rulebookForm.body.${body}`)}>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <TextField ctx={ctx} path={['bodies', body, 'name', 'zh']} label={t('rulebookForm.nameZh')} />
            </Col>
            <Col xs={24} md={12}>
              <TextField ctx={ctx} path={['bodies', body, 'name', 'en']} label={t('rulebookForm.nameEn')} />
            </Col>
          </Row>
          <CitationField ctx={ctx} path={['bodies', body, 'source']} />
        </Card>
      ))}
    </Space>
  );
};

const DutyFields = ({ ctx, id }: { ctx: Ctx; id: string }) => {
  const { t } = useI18n();
  const o = useEnumOptions();
  const p: DraftPath = ['duties', { id }];
  const kindOf = (field: string) => {
    const mine = getIn(ctx.draft, [...p, field, 'kind']);
    const theirs = ctx.inherited ? getIn(ctx.inherited, [...p, field, 'kind']) : undefined;
    return {
      kind: (mine ?? theirs) as string | undefined,
      inherits: mine === undefined || mine === theirs,
      theirs,
    };
  };
  const cadence = kindOf('cadence');
  const deadline = kindOf('deadline');
  const inheritedEvidence = ctx.inherited ? getIn(ctx.inherited, [...p, 'evidenceRequired']) : undefined;
  const evidence = getIn(ctx.draft, [...p, 'evidenceRequired']) ?? inheritedEvidence;
  const changeKind = (field: 'cadence' | 'deadline', theirs: unknown, next: string | undefined) => {
    if (next === undefined || next === theirs) ctx.set([...p, field], undefined);
    else if (field === 'deadline')
      ctx.set([...p, field], { ...DEADLINE_DEFAULTS[next as keyof typeof DEADLINE_DEFAULTS] });
    else
      ctx.set(
        [...p, field],
        next === 'periodic'
          ? { kind: 'periodic', every: 1, unit: 'year' }
          : { kind: 'event', trigger: { zh: '发生时', en: 'When it happens' } },
      );
  };
  const kindSelect = (field: 'cadence' | 'deadline', k: typeof cadence, options: Option[]) => (
    <Item ctx={ctx} path={[...p, field, 'kind']} label={t(`rulebookForm.${field}Kind`)}>
      <Select
        style={{ width: '100%' }}
        options={options}
        value={k.kind ?? null}
        onChange={(v: string) => changeKind(field, k.theirs, v)}
      />
    </Item>
  );
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={9}>
          <TextField ctx={ctx} path={[...p, 'name', 'zh']} label={t('rulebookForm.nameZh')} />
        </Col>
        <Col xs={24} md={9}>
          <TextField ctx={ctx} path={[...p, 'name', 'en']} label={t('rulebookForm.nameEn')} />
        </Col>
        <Col xs={24} md={6}>
          <SelectField
            ctx={ctx}
            path={[...p, 'kind']}
            label={t('rulebookForm.dutyKind')}
            options={o.dutyKinds}
          />
        </Col>
      </Row>
      <SelectField
        ctx={ctx}
        path={[...p, 'who']}
        label={t('rulebookForm.who')}
        options={o.unitKinds}
        multiple
      />
      <Row gutter={12}>
        <Col xs={24} md={6}>
          {kindSelect('cadence', cadence, [
            { value: 'periodic', label: t('rulebookForm.cadence.periodic') },
            { value: 'event', label: t('rulebookForm.cadence.event') },
          ])}
        </Col>
        {cadence.kind === 'periodic' && (
          <>
            <Col xs={12} md={4}>
              <NumberField
                ctx={ctx}
                path={[...p, 'cadence', 'every']}
                label={t('rulebookForm.every')}
                inherits={cadence.inherits}
              />
            </Col>
            <Col xs={12} md={6}>
              <SelectField
                ctx={ctx}
                path={[...p, 'cadence', 'unit']}
                label={t('rulebookForm.cadenceUnit')}
                options={o.cadenceUnits}
                inherits={cadence.inherits}
              />
            </Col>
          </>
        )}
      </Row>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          {kindSelect('deadline', deadline, o.deadlineKinds)}
        </Col>
        {(deadline.kind === 'working_days_after_period_end' ||
          deadline.kind === 'days_after_period_start') && (
          <Col xs={12} md={4}>
            <NumberField
              ctx={ctx}
              path={[...p, 'deadline', 'days']}
              label={t('rulebookForm.days')}
              inherits={deadline.inherits}
              min={deadline.kind === 'days_after_period_start' ? 0 : 1}
            />
          </Col>
        )}
        {deadline.kind === 'fixed_date' && (
          <>
            <Col xs={8} md={4}>
              <NumberField
                ctx={ctx}
                path={[...p, 'deadline', 'month']}
                label={t('rulebookForm.month')}
                inherits={deadline.inherits}
              />
            </Col>
            <Col xs={8} md={4}>
              <NumberField
                ctx={ctx}
                path={[...p, 'deadline', 'day']}
                label={t('rulebookForm.day')}
                inherits={deadline.inherits}
              />
            </Col>
            <Col xs={8} md={4}>
              <NumberField
                ctx={ctx}
                path={[...p, 'deadline', 'yearOffset']}
                label={t('rulebookForm.yearOffset')}
                inherits={deadline.inherits}
                min={0}
              />
            </Col>
          </>
        )}
        {deadline.kind === 'within' && (
          <>
            <Col xs={12} md={4}>
              <NumberField
                ctx={ctx}
                path={[...p, 'deadline', 'amount']}
                label={t('rulebookForm.amount')}
                inherits={deadline.inherits}
              />
            </Col>
            <Col xs={12} md={4}>
              <SelectField
                ctx={ctx}
                path={[...p, 'deadline', 'unit']}
                label={t('rulebookForm.periodUnit')}
                options={o.incidentUnits}
                inherits={deadline.inherits}
              />
            </Col>
          </>
        )}
        <Col xs={24} md={4}>
          <Item ctx={ctx} path={[...p, 'evidenceRequired']} label={t('rulebookForm.evidenceRequired')}>
            <Switch
              checked={evidence === true}
              onChange={(v) => ctx.set([...p, 'evidenceRequired'], v === inheritedEvidence ? undefined : v)}
            />
          </Item>
        </Col>
      </Row>
      <CitationField ctx={ctx} path={[...p, 'source']} />
    </>
  );
};

const Duties = ({ ctx }: { ctx: Ctx }) => {
  const { t, pick } = useI18n();
  const [newId, setNewId] = useState('');
  const entries = entriesOf(ctx, ['duties']);
  const docs = Array.isArray(ctx.draft.sources) ? ctx.draft.sources.filter(isObject) : [];
  const idError =
    newId === ''
      ? null
      : !ID_PATTERN.test(newId)
        ? t('rulebookForm.badId')
        : entries.some((e) => e.id === newId)
          ? t('rulebookForm.duplicateId')
          : null;
  const add = () => {
    if (newId === '' || idError) return;
    const list = Array.isArray(ctx.draft.duties) ? ctx.draft.duties : [];
    ctx.set(
      ['duties'],
      [
        ...list,
        {
          id: newId,
          name: { zh: newId, en: newId },
          kind: 'meeting',
          who: ['county'],
          cadence: { kind: 'periodic', every: 1, unit: 'year' },
          deadline: { kind: 'end_of_period' },
          evidenceRequired: false,
          source: { doc: String(docs[0]?.id ?? ''), article: '' },
        },
      ],
    );
    setNewId('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rulebook-form-duties">
      {entries.length === 0 ? (
        <Empty description={t('rulebookForm.noDuties')} />
      ) : (
        <Collapse
          size="small"
          items={entries.map((e) => {
            const name = isObject(e.effective.name)
              ? pick(e.effective.name as { zh: string; en: string })
              : e.id;
            const path: DraftPath = ['duties', { id: e.id }];
            return {
              key: e.id,
              label: (
                <Space wrap>
                  <Typography.Text delete={e.status === 'removed'}>{name}</Typography.Text>
                  <Typography.Text type="secondary" code>
                    {e.id}
                  </Typography.Text>
                  <StatusTag status={e.status} />
                </Space>
              ),
              extra:
                e.status === 'removed' ? (
                  <Button
                    size="small"
                    icon={<UndoOutlined />}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      ctx.set(path, undefined);
                    }}
                    data-testid={`rb-duty-restore-${e.id}`}
                  >
                    {t('rulebookForm.restore')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    data-testid={`rb-duty-remove-${e.id}`}
                    onClick={(ev) => {
                      ev.stopPropagation();
                      // An inherited duty is removed by the `$remove` marker; the draft's own is dropped.
                      ctx.set(path, e.status === 'own' ? undefined : { id: e.id, $remove: true });
                    }}
                  >
                    {t('rulebookForm.remove')}
                  </Button>
                ),
              children:
                e.status === 'removed' ? (
                  <Typography.Text type="secondary">{t('rulebookForm.removedHint')}</Typography.Text>
                ) : (
                  <DutyFields ctx={ctx} id={e.id} />
                ),
            };
          })}
        />
      )}
      <Space.Compact style={{ maxWidth: 480 }}>
        <Input
          placeholder={t('rulebookForm.newDutyId')}
          value={newId}
          status={idError ? 'error' : undefined}
          onChange={(e) => setNewId(e.target.value.trim())}
          onPressEnter={add}
          data-testid="rb-duty-new-id"
        />
        <Button
          icon={<PlusOutlined />}
          onClick={add}
          disabled={newId === '' || idError !== null}
          data-testid="rb-duty-add"
        >
          {t('rulebookForm.addDuty')}
        </Button>
      </Space.Compact>
      {idError && <Typography.Text type="danger">{idError}</Typography.Text>}
    </Space>
  );
};

const PeriodFields = ({
  ctx,
  path,
  label,
  units,
}: {
  ctx: Ctx;
  path: DraftPath;
  label: string;
  units: Option[];
}) => {
  const { t } = useI18n();
  return (
    <Row gutter={12}>
      <Col xs={12} md={8}>
        <NumberField ctx={ctx} path={[...path, 'amount']} label={`${label} · ${t('rulebookForm.amount')}`} />
      </Col>
      <Col xs={12} md={8}>
        <SelectField
          ctx={ctx}
          path={[...path, 'unit']}
          label={t('rulebookForm.periodUnit')}
          options={units}
        />
      </Col>
    </Row>
  );
};

const Ladder = ({ ctx }: { ctx: Ctx }) => {
  const { t, pick } = useI18n();
  const o = useEnumOptions();
  const steps = entriesOf(ctx, ['ladder', 'steps']);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rulebook-form-ladder">
      {steps.length === 0 && <Empty description={t('rulebookForm.noSteps')} />}
      {steps.map((s) => {
        const p: DraftPath = ['ladder', 'steps', { id: s.id }];
        const name = isObject(s.effective.name) ? pick(s.effective.name as { zh: string; en: string }) : s.id;
        const windows = entriesOf(ctx, [...p, 'windows']);
        return (
          <Card
            key={s.id}
            size="small"
            data-testid={`rb-step-${s.id}`}
            title={
              <Space>
                {name}
                <Typography.Text type="secondary" code>
                  {s.id}
                </Typography.Text>
                <StatusTag status={s.status} />
              </Space>
            }
          >
            {s.status === 'removed' ? (
              <Typography.Text type="secondary">{t('rulebookForm.removedHint')}</Typography.Text>
            ) : (
              <>
                <PeriodFields
                  ctx={ctx}
                  path={[...p, 'rectification']}
                  label={t('rulebookForm.rectification')}
                  units={o.periodUnits}
                />
                <PeriodFields
                  ctx={ctx}
                  path={[...p, 'firstReport']}
                  label={t('rulebookForm.firstReport')}
                  units={o.periodUnits}
                />
                <Row gutter={12}>
                  <Col xs={12} md={8}>
                    <NumberField
                      ctx={ctx}
                      path={[...p, 'reportCadence', 'every']}
                      label={`${t('rulebookForm.reportCadence')} · ${t('rulebookForm.every')}`}
                    />
                  </Col>
                  <Col xs={12} md={8}>
                    <SelectField
                      ctx={ctx}
                      path={[...p, 'reportCadence', 'unit']}
                      label={t('rulebookForm.cadenceUnit')}
                      options={o.cadenceUnits}
                    />
                  </Col>
                </Row>
                {windows.map((w) => (
                  <Row gutter={12} key={w.id}>
                    <Col xs={12} md={8}>
                      <NumberField
                        ctx={ctx}
                        path={[...p, 'windows', { id: w.id }, 'months']}
                        label={t('rulebookForm.windowMonths', { id: w.id })}
                      />
                    </Col>
                    <Col xs={12} md={16}>
                      <SelectField
                        ctx={ctx}
                        path={[...p, 'windows', { id: w.id }, 'bars']}
                        label={t('rulebookForm.windowBars')}
                        options={o.bars}
                        multiple
                      />
                    </Col>
                  </Row>
                ))}
                <CitationField ctx={ctx} path={[...p, 'source']} />
              </>
            )}
          </Card>
        );
      })}
    </Space>
  );
};

const Reminders = ({ ctx }: { ctx: Ctx }) => {
  const { t } = useI18n();
  const o = useEnumOptions();
  const w: DraftPath = ['reports', 'monthlySafetyReport', 'filingWindow'];
  const filers: DraftPath = ['reports', 'monthlySafetyReport', 'filers'];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rulebook-form-reminders">
      <Card size="small" title={t('rulebookForm.reminders')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <NumberField
              ctx={ctx}
              path={['reminders', 'dueSoonDays']}
              label={t('rulebookForm.dueSoonDays')}
              min={0}
            />
          </Col>
          <Col xs={24} md={16}>
            <SelectField
              ctx={ctx}
              path={['reminders', 'notifyRoles']}
              label={t('rulebookForm.notifyRoles')}
              options={o.roles}
              multiple
            />
          </Col>
        </Row>
        <CitationField ctx={ctx} path={['reminders', 'source']} />
      </Card>
      <Card size="small" title={t('rulebookForm.filers')}>
        <SelectField
          ctx={ctx}
          path={[...filers, 'kinds']}
          label={t('rulebookForm.filerKinds')}
          options={o.unitKinds}
          multiple
        />
        <CitationField ctx={ctx} path={[...filers, 'source']} />
      </Card>
      <Card size="small" title={t('rulebookForm.filingWindow')}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <NumberField
              ctx={ctx}
              path={[...w, 'monthsAfterReportMonth']}
              label={t('rulebookForm.monthsAfter')}
              min={0}
            />
          </Col>
        </Row>
        <CitationField ctx={ctx} path={[...w, 'source']} />
      </Card>
    </Space>
  );
};

/** One section of the rulebook as a form over the same draft the JSON tab edits. */
export const RulebookSectionForm = ({
  section,
  draft,
  inherited,
  problem,
  onChange,
}: {
  section: RulebookFormSection;
  draft: DraftObject;
  inherited: DraftObject | null;
  problem: Problem | null;
  onChange: (next: DraftObject) => void;
}) => {
  const { t } = useI18n();
  const set = (path: DraftPath, value: unknown) => {
    const next = setIn(draft, path, value);
    // A step new to a layer goes to its place on the ladder, which must stay in order.
    const steps = getIn(next, ['ladder', 'steps']);
    if (path[0] === 'ladder' && path[1] === 'steps' && Array.isArray(steps)) {
      const rank = (e: unknown) => LADDER_STEPS.indexOf((isObject(e) ? e.id : '') as LadderStepId);
      onChange(
        setIn(
          next,
          ['ladder', 'steps'],
          [...steps].sort((x, y) => rank(x) - rank(y)),
        ),
      );
    } else onChange(next);
  };
  const ctx: Ctx = { draft, inherited, problem, set };
  return (
    <Form layout="vertical" component="div">
      {inherited && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rulebookForm.layerHint', { parent: String(draft.extends) })}
        />
      )}
      {section === 'bodies' && <Bodies ctx={ctx} />}
      {section === 'duties' && <Duties ctx={ctx} />}
      {section === 'ladder' && <Ladder ctx={ctx} />}
      {section === 'reminders' && <Reminders ctx={ctx} />}
    </Form>
  );
};
