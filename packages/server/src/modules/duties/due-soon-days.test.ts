import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { type Session, type TestApp, createTestApp, testConfig } from '../../test/harness';
import { ensureShippedCalendarYears } from '../calendar/ensure-shipped-calendar';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';

/** town1's own layer over seed 001: reminds 3 days before a deadline instead of the default 7. */
const town1Layer = {
  id: 'test-town1-reminders',
  name: { zh: '一号镇提醒设置', en: 'Town 1 reminders' },
  jurisdictionLevel: 'town',
  extends: 'district-001',
  sources: [{ id: 'test-town1-reminders', title: '一号镇履职提醒办法', year: 2026 }],
  reminders: { dueSoonDays: 3, source: { doc: 'test-town1-reminders', article: '第二条' } },
};

type Item = { id: number; state: string };

describe('due soon follows the reminders of the unit’s rulebook', () => {
  let t: TestApp;
  let operator: Session;
  const occurrence: Record<'town1' | 'town2', number> = { town1: 0, town2: 0 };

  const put = async (unitId: number, rulebookId: string) => {
    const res = await operator.inject({
      method: 'PUT',
      url: `/api/v1/units/${unitId}/rulebook`,
      payload: { rulebookId, validFrom: '2026-01-01' },
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const list = async (query: string) => {
    const res = await operator.inject({ method: 'GET', url: `/api/v1/duties?pageSize=500&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, undefined, t.clock);
    await ensureShippedCalendarYears(t.db, t.clock);
    operator = await t.login('operator');
    const published = await operator.inject({
      method: 'POST',
      url: `/api/v1/rulebooks/${town1Layer.id}/versions`,
      payload: town1Layer,
    });
    expect(published.statusCode, published.body).toBe(201);
    const { county, town1, town2 } = t.world.units;
    await put(county.id, 'district-001');
    await put(town1.id, town1Layer.id);
    const generated = await operator.inject({
      method: 'POST',
      url: '/api/v1/duties/generate',
      payload: { year: 2026 },
    });
    expect(generated.statusCode, generated.body).toBe(200);
    for (const [key, unit] of [
      ['town1', town1],
      ['town2', town2],
    ] as const) {
      const [item] = await list(`unitId=${unit.id}&dutyId=office-meeting&periodKey=2026-M03`);
      occurrence[key] = item!.id;
    }
  }, 60_000);
  afterAll(async () => t.close());

  // The March office meeting of both towns is due on 31 March.
  it.each([
    ['2026-03-23', 'upcoming', 'upcoming'],
    ['2026-03-24', 'upcoming', 'due_soon'],
    ['2026-03-27', 'upcoming', 'due_soon'],
    ['2026-03-28', 'due_soon', 'due_soon'],
    ['2026-03-31', 'due_soon', 'due_soon'],
    ['2026-04-01', 'overdue', 'overdue'],
  ])('on %s town1 (3 days) is %s and town2 (7 days, the default) is %s', async (date, town1, town2) => {
    t.clock.set(`${date}T02:00:00Z`);
    operator = await t.login('operator');
    for (const [key, expected] of [
      ['town1', town1],
      ['town2', town2],
    ] as const) {
      const { town1: u1, town2: u2 } = t.world.units;
      const unitId = key === 'town1' ? u1.id : u2.id;
      // The domain decides the row shown; SQL filters by state: both must follow the rulebook.
      const [shown] = await list(`unitId=${unitId}&dutyId=office-meeting&periodKey=2026-M03`);
      expect(shown?.state).toBe(expected);
      const filtered = await list(`unitId=${unitId}&state=${expected}`);
      expect(filtered.map((i) => i.id)).toContain(occurrence[key]);
      const detail = await operator.inject({ method: 'GET', url: `/api/v1/duties/${occurrence[key]}` });
      expect((detail.json() as Item).state).toBe(expected);
    }
  });

  it('notifies each town’s responsible people by its own rulebook’s reminder days', async () => {
    const built = await buildApp({
      db: t.db,
      config: testConfig(),
      clock: t.clock,
      scheduler: { initialDelayMs: 3_600_000 },
    });
    await built.app.ready();
    try {
      const notified = async (occurrenceId: number) =>
        (
          await t.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE occurrence_id = $1', [
            occurrenceId,
          ])
        ).map((r) => r.kind);
      t.clock.set('2026-03-27T02:00:00Z');
      expect(await built.scheduler!.tick()).toMatchObject({ ran: true });
      expect(await notified(occurrence.town1)).toEqual([]);
      expect(await notified(occurrence.town2)).toContain('due_soon');
      t.clock.set('2026-03-28T02:00:00Z');
      await built.scheduler!.tick();
      expect(await notified(occurrence.town1)).toContain('due_soon');
    } finally {
      await built.app.close();
    }
  });
});
