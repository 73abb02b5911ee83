/**
 * The registry's read paths at demo size and their cost against a primary-key lookup on the same
 * database in the same run.
 *
 * Data: one county with 13 towns, 160 villages, 640 grids and 40 departments (~850 units), 1,500
 * officials and ~3,500 posts, about a third of them ended (handovers), built with the factories the
 * tests and the demo use. Measured by calling the use cases directly (no HTTP), as an operator
 * whose scope is the whole county:
 *   - responsible-on-date for a random unit and a random date in 2019–2026;
 *   - the coverage report for the whole county on a random date;
 *   - a page of the units list (random page of 50);
 *   - a people search by a random surname.
 * Baseline: `SELECT * FROM units WHERE id = $1` for a random id. Ratios are p50 ÷ baseline p50 and
 * p99 ÷ baseline p99.
 */
import type { Database } from '../packages/server/src/db/client';
import { migrate } from '../packages/server/src/db/migrate';
import { insertPerson, insertPost, insertUnit } from '../packages/server/src/fixtures/factories';
import { getCoverage } from '../packages/server/src/modules/registry/get-coverage';
import { getResponsibleOnDate } from '../packages/server/src/modules/registry/get-responsible-on-date';
import { listPeople } from '../packages/server/src/modules/registry/list-people';
import { listUnits } from '../packages/server/src/modules/registry/list-units';
import type { RegistryReader } from '../packages/server/src/modules/registry/registry-access';
import type { BenchFigure, BenchLog } from './figures';

export type RegistryBenchOptions = { iterations?: number; seed?: number };

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '建国华明丽娟强军平伟芳敏静磊洋勇艳杰涛超';

/** A small deterministic generator: the same data and the same queries on every run. */
const createRandom = (seed: number) => {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
};

const dateOf = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const measure = async (iterations: number, fn: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < Math.min(20, iterations); i++) await fn(i); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
};

const buildCounty = async (db: Database, log: BenchLog, seed: number) => {
  const r = createRandom(seed);
  const run = `${seed.toString(36)}${Date.now().toString(36)}`.toUpperCase();
  let codeSeq = 0;
  const code = () => `B${run}-${++codeSeq}`;
  return db.transaction(async (q) => {
    const county = await insertUnit(q, { name: '基准县', kind: 'county', code: code(), population: 400_000 });
    const leading: number[] = [county.id];
    const grids: number[] = [];
    const villageIds: number[] = [];
    for (let t = 0; t < 13; t++) {
      const town = await insertUnit(q, {
        name: `第${t + 1}镇`,
        kind: 'town',
        code: code(),
        parentId: county.id,
      });
      leading.push(town.id);
      const villages = t < 4 ? 13 : 12; // 4×13 + 9×12 = 160
      for (let v = 0; v < villages; v++) {
        const village = await insertUnit(q, {
          name: `第${t + 1}镇${v + 1}村`,
          kind: 'village',
          code: code(),
          parentId: town.id,
          population: 800 + r.int(3000),
        });
        leading.push(village.id);
        villageIds.push(village.id);
        for (let g = 0; g < 4; g++)
          grids.push(
            (
              await insertUnit(q, {
                name: `${v + 1}村第${g + 1}网格`,
                kind: 'grid',
                code: code(),
                parentId: village.id,
              })
            ).id,
          );
      }
    }
    for (let d = 0; d < 40; d++)
      leading.push(
        (
          await insertUnit(q, {
            name: `县直部门${d + 1}`,
            kind: 'department',
            code: code(),
            parentId: county.id,
          })
        ).id,
      );
    const people: number[] = [];
    for (let p = 0; p < 1500; p++)
      people.push(
        await insertPerson(q, {
          name: `${r.pick([...SURNAMES])}${r.pick([...GIVEN])}${r.pick([...GIVEN])}`,
          gender: r.next() < 0.6 ? 'male' : 'female',
          phone: `139${String(10_000_000 + p).padStart(8, '0')}`,
        }),
      );
    let posts = 0;
    const appoint = async (unitId: number, postKind: string, title: string, history: boolean) => {
      // A post held since 2017, or (history) one that ended at a handover and its successor's.
      if (history) {
        const handover = dateOf(2019 + r.int(7), r.int(360));
        await insertPost(q, {
          personId: r.pick(people),
          unitId,
          postKind,
          title,
          startDate: '2017-01-01',
          endDate: handover,
        });
        await insertPost(q, { personId: r.pick(people), unitId, postKind, title, startDate: handover });
        posts += 2;
      } else {
        await insertPost(q, {
          personId: r.pick(people),
          unitId,
          postKind,
          title,
          startDate: dateOf(2017 + r.int(3), r.int(360)),
        });
        posts += 1;
      }
    };
    for (const unitId of leading) {
      // About one unit in twenty lacks a leader in charge: the coverage report has something to find.
      await appoint(unitId, 'party_secretary', '书记', r.next() < 0.5);
      await appoint(unitId, 'chief', '主职', r.next() < 0.3);
      if (r.next() > 0.05) await appoint(unitId, 'deputy_in_charge', '分管负责人', r.next() < 0.3);
      for (let m = 2 + r.int(3); m > 0; m--) await appoint(unitId, 'member', '班子成员', r.next() < 0.2);
    }
    for (const unitId of villageIds)
      for (let c = 0; c < 3; c++)
        await appoint(unitId, c === 0 ? 'liaison_cadre' : 'village_cadre', '村干部', r.next() < 0.3);
    for (const unitId of grids) await appoint(unitId, 'grid_worker', '网格员', r.next() < 0.5);
    const units = leading.length + grids.length;
    log(`registry bench data: ${units} units, ${people.length} people, ${posts} posts`);
    return { county, unitIds: [...leading, ...grids], units, people: people.length, posts };
  });
};

export const benchRegistry = async (
  db: Database,
  log: BenchLog,
  options: RegistryBenchOptions = {},
): Promise<BenchFigure[]> => {
  await migrate(db);
  const iterations = options.iterations ?? 400;
  const seed = options.seed ?? 20_260_302;
  const data = await buildCounty(db, log, seed);
  await db.exec('ANALYZE units; ANALYZE posts; ANALYZE people; ANALYZE unit_history;');
  const reader: RegistryReader = {
    db,
    grants: [{ role: 'operator', unitId: data.county.id, unitPath: data.county.path }],
    today: '2026-03-02',
  };
  const r = createRandom(seed + 1);
  const randomDate = () => dateOf(2019 + r.int(8), r.int(360));

  const baseline = await measure(iterations * 2, () =>
    db.query('SELECT * FROM units WHERE id = $1', [r.pick(data.unitIds)]),
  );
  const responsible = await measure(iterations, () =>
    getResponsibleOnDate(reader, { unitId: r.pick(data.unitIds), date: randomDate() }),
  );
  const coverage = await measure(Math.max(20, Math.floor(iterations / 8)), () =>
    getCoverage(reader, { date: randomDate(), page: 1, pageSize: 100 }),
  );
  const unitsPage = await measure(iterations, () =>
    listUnits(reader, { page: 1 + r.int(Math.ceil(data.units / 50)), pageSize: 50 }),
  );
  const peopleSearch = await measure(iterations, () =>
    listPeople(reader, { q: r.pick([...SURNAMES]), page: 1, pageSize: 20 }),
  );
  const note = `${data.units} units, ${data.people} people, ${data.posts} posts`;
  const figure = (name: string, m: { p50: number; p99: number }): BenchFigure[] => [
    { name: `${name} p50`, value: m.p50, unit: 'ms', baseline: baseline.p50, better: 'lower', note },
    { name: `${name} p99`, value: m.p99, unit: 'ms', baseline: baseline.p99, better: 'lower' },
  ];
  return [
    { name: 'baseline: units by primary key p50', value: baseline.p50, unit: 'ms', better: 'lower' },
    { name: 'baseline: units by primary key p99', value: baseline.p99, unit: 'ms', better: 'lower' },
    ...figure('responsible on a date (random unit/date)', responsible),
    ...figure('coverage report, whole county', coverage),
    ...figure('units list page (50)', unitsPage),
    ...figure('people search by surname (20)', peopleSearch),
  ];
};
