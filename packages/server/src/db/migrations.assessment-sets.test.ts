import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './client';
import { decodeFigures } from './float-matrix';
import { MIGRATIONS_DIR, listMigrations } from './migrate';

/**
 * Migration 0018 converts results stored one row per unit (0016) into one record per computation:
 * figures in ranking order, points per indicator and facts per key taken from the explanations.
 */
describe('migration 0018: assessment results into result sets', () => {
  let db: Database;
  const run = async (predicate: (file: string) => boolean) => {
    for (const file of listMigrations().filter(predicate))
      await db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
  };

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
    await run((f) => f < '0018');
  });
  afterAll(async () => db.close());

  it('keeps every figure of the old rows', async () => {
    const one = async (sql: string, params: unknown[] = []) =>
      (await db.query<{ id: number }>(sql, params))[0]!.id;
    const county = await one(
      `INSERT INTO units (code, name, kind, path, depth, valid_from) VALUES ('C', '县', 'county', '/0/', 1, '2020-01-01')
       RETURNING id`,
    );
    await db.query(`UPDATE units SET path = '/' || id || '/' WHERE id = $1`, [county]);
    const town = async (code: string) => {
      const id = await one(
        `INSERT INTO units (code, name, kind, parent_id, path, depth, valid_from)
         VALUES ($1, $1, 'town', $2, '/x/', 2, '2020-01-01') RETURNING id`,
        [code, county],
      );
      await db.query(`UPDATE units SET path = '/' || $2 || '/' || id || '/' WHERE id = $1`, [id, county]);
      return id;
    };
    const a = await town('A');
    const b = await town('B');
    await db.query(
      "INSERT INTO rulebooks (id, name_zh, name_en, created_at) VALUES ('old', '旧', 'old', now())",
    );
    await db.query(
      `INSERT INTO rulebook_versions (rulebook_id, version, body, published_at, published_by, digest)
       VALUES ('old', 1, '{}', now(), 'test', 'd')`,
    );
    const rules = {
      items: [
        { id: 'duties', method: 'threshold', fact: 'duties_on_time', thresholds: [{ id: 't' }] },
        { id: 'rate', method: 'linear', thresholds: [] },
      ],
    };
    const period = await one(
      `INSERT INTO assessment_periods (root_unit_id, rulebook_id, rulebook_version, rules, kind, period_key, period_start,
                                       period_end, status, version, computed_at, opened_at, opened_by)
       VALUES ($1, 'old', 1, $2, 'year', '2025', '2025-01-01', '2025-12-31', 'open', 1, now(), now(), 'test') RETURNING id`,
      [county, JSON.stringify(rules)],
    );
    const explanation = (
      duties: number | null,
      rate: number | null,
      points: [number | null, number | null],
    ) => ({
      unitScore: {
        indicatorsWithData: points.filter((p) => p !== null).length,
        indicators: [
          {
            indicatorId: 'duties',
            points: points[0],
            inputs: [
              {
                key: 'duties_on_time',
                fact: duties === null ? null : { value: duties, basis: { numerator: 9, denominator: 10 } },
              },
            ],
          },
          {
            indicatorId: 'rate',
            points: points[1],
            inputs: [{ key: 'rate', fact: rate === null ? null : { value: rate, previousYear: 4 } }],
          },
        ],
      },
      advanced: { group: { group: 'kind=town', rankedCount: 2, places: 1, selectedCount: 1 } },
    });
    for (const [unit, rank, score, e] of [
      [b, 2, 40, explanation(null, 3, [null, 40])],
      [a, 1, 90, explanation(90, 1, [50, 40])],
    ] as const)
      await db.query(
        `INSERT INTO assessment_results (period_id, version, unit_id, unit_kind, unit_depth, score, grade_id, vetoed,
                                         rank_group, rank, advanced, explanation, rulebook_id, rulebook_version, computed_at)
         VALUES ($1, 1, $2, 'town', 2, $3, 'pass', false, 'kind=town', $4, $5, $6, 'old', 1, now())`,
        [period, unit, score, rank, rank === 1 ? 'selected' : 'below_cut_off', JSON.stringify(e)],
      );

    await run((f) => f.startsWith('0018'));

    const [set] = await db.query<Record<string, unknown>>(
      'SELECT * FROM assessment_result_sets WHERE period_id = $1 AND version = 1',
      [period],
    );
    expect(set).toMatchObject({
      indicator_ids: ['duties', 'rate'],
      fact_keys: ['duties_on_time', 'rate'],
      unit_ids: [a, b],
      scores: [90, 40],
      ranks: [1, 2],
      advanced: ['selected', 'below_cut_off'],
      indicators_with_data: [2, 1],
      advanced_groups: { 'kind=town': { places: 1, selectedCount: 1 } },
    });
    expect(decodeFigures(set!.points as Uint8Array)).toEqual([50, 40, null, 40]);
    expect(decodeFigures(set!.fact_values as Uint8Array)).toEqual([90, 1, null, 3]);
    expect(decodeFigures(set!.fact_numerators as Uint8Array)).toEqual([9, null, null, null]);
    expect(decodeFigures(set!.fact_denominators as Uint8Array)).toEqual([10, null, null, null]);
    expect(decodeFigures(set!.fact_previous as Uint8Array)).toEqual([null, 4, null, 4]);
    const rows = await db.query<{ unit_id: number; rank: number; position: number }>(
      'SELECT unit_id, rank, position::int AS position FROM assessment_results WHERE period_id = $1 ORDER BY position',
      [period],
    );
    expect(rows).toEqual([
      { unit_id: a, rank: 1, position: 1 },
      { unit_id: b, rank: 2, position: 2 },
    ]);
  });
});
