-- Assessment results as one record per computation (issue 6 §6: a 25,000-unit annual assessment in
-- a small multiple of one scan of the fact tables). A period's results are written and read as a
-- whole — the ranking, the heat map, the export — so each version is one row of parallel arrays,
-- one element per assessed unit, instead of one row per unit with its explanation (25,000 rows and
-- ~140 MB of JSON took 14 s to write). What is stored is what cannot be recomputed from the period:
-- each unit's facts as they were counted (value, numerator and denominator of a rate, the previous
-- year's value) and the figures decided from them (points per indicator, score, grade, rank,
-- advanced place). The explanation in words is rebuilt on read by the same pure scoring from the
-- stored facts and the period's frozen rules; the rows behind each fact are looked up on read.
--
-- Matrices of units × indicators (`points`) and units × fact keys (`fact_*`) are bytea: row-major
-- IEEE-754 binary64 figures, big-endian as float8send writes them, NaN for a missing figure. Unit u
-- (1-based, the position in `unit_ids`) and indicator i give the 8 bytes at offset
-- ((u - 1) * cardinality(indicator_ids) + i - 1) * 8. Bytes rather than float8[]: printing and parsing
-- 600,000 array elements cost more than the rest of the computation (db/float-matrix.ts).
-- Unit ids are not foreign keys (arrays cannot be): units are never deleted, only closed (valid_to).

CREATE TABLE assessment_result_sets (
  period_id          bigint NOT NULL REFERENCES assessment_periods(id),
  version            integer NOT NULL CHECK (version >= 1),
  rulebook_id        text NOT NULL,
  rulebook_version   integer NOT NULL,
  computed_at        timestamptz NOT NULL,
  -- Why this version was made (a correction); NULL for the first.
  reason             text,
  -- The China date the facts were counted on: duties and tasks not yet due then were not counted.
  facts_as_of        date NOT NULL,
  -- Every indicator of the period's rules, in their order, and every measure key they read.
  indicator_ids      text[] NOT NULL,
  fact_keys          text[] NOT NULL,
  unit_ids           bigint[] NOT NULL,
  unit_kinds         text[] NOT NULL,
  unit_depths        integer[] NOT NULL,
  -- NULL element: no score (nothing to assess), no grade (not graded), not ranked.
  scores             double precision[] NOT NULL,
  grade_ids          text[] NOT NULL,
  grade_failing      boolean[] NOT NULL,
  vetoed             boolean[] NOT NULL,
  rank_groups        text[] NOT NULL,
  ranks              integer[] NOT NULL,
  not_ranked         text[] NOT NULL,
  advanced           text[] NOT NULL,
  indicators_with_data integer[] NOT NULL,
  points             bytea NOT NULL,
  fact_values        bytea NOT NULL,
  fact_numerators    bytea NOT NULL,
  fact_denominators  bytea NOT NULL,
  fact_previous      bytea NOT NULL,
  -- The bars (eligibility_bars) that excluded a unit from the advanced places, by unit id.
  advanced_reasons   jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- Per ranking group: its size, places and how many were chosen (selectAdvanced's groups).
  advanced_groups    jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (period_id, version),
  CHECK (cardinality(unit_kinds) = cardinality(unit_ids) AND cardinality(unit_depths) = cardinality(unit_ids)
     AND cardinality(scores) = cardinality(unit_ids) AND cardinality(grade_ids) = cardinality(unit_ids)
     AND cardinality(grade_failing) = cardinality(unit_ids) AND cardinality(vetoed) = cardinality(unit_ids)
     AND cardinality(rank_groups) = cardinality(unit_ids) AND cardinality(ranks) = cardinality(unit_ids)
     AND cardinality(not_ranked) = cardinality(unit_ids) AND cardinality(advanced) = cardinality(unit_ids)
     AND cardinality(indicators_with_data) = cardinality(unit_ids)),
  CHECK (octet_length(points) = 8 * cardinality(unit_ids) * cardinality(indicator_ids)),
  CHECK (octet_length(fact_values) = 8 * cardinality(unit_ids) * cardinality(fact_keys)
     AND octet_length(fact_numerators) = octet_length(fact_values)
     AND octet_length(fact_denominators) = octet_length(fact_values)
     AND octet_length(fact_previous) = octet_length(fact_values))
);

-- Results computed before this migration: converted from their per-unit rows and explanations.
INSERT INTO assessment_result_sets (
  period_id, version, rulebook_id, rulebook_version, computed_at, reason, facts_as_of, indicator_ids, fact_keys,
  unit_ids, unit_kinds, unit_depths, scores, grade_ids, grade_failing, vetoed, rank_groups, ranks, not_ranked,
  advanced, indicators_with_data, points, fact_values, fact_numerators, fact_denominators, fact_previous,
  advanced_reasons, advanced_groups)
WITH items AS (
  SELECT p.id AS period_id, i.ord, i.item
    FROM assessment_periods p CROSS JOIN LATERAL jsonb_array_elements(p.rules->'items') WITH ORDINALITY AS i(item, ord)
),
-- indicatorMeasureKeys: the computed fact, else each threshold's id (threshold, veto item), else the id.
measure_keys AS (
  SELECT period_id, key, min(ord * 1000 + kord) AS at
    FROM (
      SELECT period_id, ord, 0 AS kord, item->>'fact' AS key FROM items WHERE item ? 'fact'
      UNION ALL
      SELECT period_id, ord, t.kord, t.th->>'id' FROM items
        CROSS JOIN LATERAL jsonb_array_elements(item->'thresholds') WITH ORDINALITY AS t(th, kord)
       WHERE NOT item ? 'fact' AND item->>'method' IN ('threshold', 'veto_item')
      UNION ALL
      SELECT period_id, ord, 0, item->>'id' FROM items
       WHERE NOT item ? 'fact' AND item->>'method' NOT IN ('threshold', 'veto_item')) k
   GROUP BY period_id, key
),
shape AS (
  SELECT p.id AS period_id,
         COALESCE((SELECT array_agg(item->>'id' ORDER BY ord) FROM items i WHERE i.period_id = p.id), '{}') AS indicator_ids,
         COALESCE((SELECT array_agg(key ORDER BY at) FROM measure_keys m WHERE m.period_id = p.id), '{}') AS fact_keys
    FROM assessment_periods p
),
old AS (
  SELECT r.*, s.indicator_ids, s.fact_keys,
         row_number() OVER (PARTITION BY r.period_id, r.version ORDER BY r.rank_group, r.rank NULLS LAST, r.unit_id) AS n
    FROM assessment_results r JOIN shape s ON s.period_id = r.period_id
),
cells AS (
  SELECT o.period_id, o.version, o.n,
         (SELECT array_agg((SELECT (x->>'points')::double precision
                              FROM jsonb_array_elements(o.explanation->'unitScore'->'indicators') x
                             WHERE x->>'indicatorId' = ii.id LIMIT 1) ORDER BY ii.ord)
            FROM unnest(o.indicator_ids) WITH ORDINALITY AS ii(id, ord)) AS points,
         (SELECT array_agg(f.fact ORDER BY f.ord)
            FROM (SELECT kk.ord,
                         (SELECT inp->'fact' FROM jsonb_array_elements(o.explanation->'unitScore'->'indicators') x
                            CROSS JOIN LATERAL jsonb_array_elements(x->'inputs') inp
                           WHERE inp->>'key' = kk.key AND jsonb_typeof(inp->'fact') = 'object' LIMIT 1) AS fact
                    FROM unnest(o.fact_keys) WITH ORDINALITY AS kk(key, ord)) f) AS facts
    FROM old o
)
SELECT o.period_id, o.version, min(o.rulebook_id), min(o.rulebook_version), min(o.computed_at), min(o.reason),
       (min(o.computed_at) AT TIME ZONE 'Asia/Shanghai')::date,
       min(o.indicator_ids), min(o.fact_keys),
       array_agg(o.unit_id ORDER BY o.n), array_agg(o.unit_kind ORDER BY o.n), array_agg(o.unit_depth ORDER BY o.n),
       array_agg(o.score ORDER BY o.n), array_agg(o.grade_id ORDER BY o.n), array_agg(o.grade_failing ORDER BY o.n),
       array_agg(o.vetoed ORDER BY o.n), array_agg(o.rank_group ORDER BY o.n), array_agg(o.rank ORDER BY o.n),
       array_agg(o.not_ranked ORDER BY o.n), array_agg(o.advanced ORDER BY o.n),
       array_agg(COALESCE((o.explanation->'unitScore'->>'indicatorsWithData')::int, 0) ORDER BY o.n),
       COALESCE((SELECT string_agg(float8send(COALESCE(pt, 'NaN')), ''::bytea ORDER BY c.n, pt_ord) FROM cells c
                   CROSS JOIN LATERAL unnest(c.points) WITH ORDINALITY AS u(pt, pt_ord)
                  WHERE c.period_id = o.period_id AND c.version = o.version), ''::bytea),
       COALESCE((SELECT string_agg(float8send(COALESCE(((f->>'value')::double precision)::double precision, 'NaN')), ''::bytea ORDER BY c.n, f_ord) FROM cells c
                   CROSS JOIN LATERAL unnest(c.facts) WITH ORDINALITY AS u(f, f_ord)
                  WHERE c.period_id = o.period_id AND c.version = o.version), ''::bytea),
       COALESCE((SELECT string_agg(float8send(COALESCE(((f->'basis'->>'numerator')::int)::double precision, 'NaN')), ''::bytea ORDER BY c.n, f_ord) FROM cells c
                   CROSS JOIN LATERAL unnest(c.facts) WITH ORDINALITY AS u(f, f_ord)
                  WHERE c.period_id = o.period_id AND c.version = o.version), ''::bytea),
       COALESCE((SELECT string_agg(float8send(COALESCE(((f->'basis'->>'denominator')::int)::double precision, 'NaN')), ''::bytea ORDER BY c.n, f_ord) FROM cells c
                   CROSS JOIN LATERAL unnest(c.facts) WITH ORDINALITY AS u(f, f_ord)
                  WHERE c.period_id = o.period_id AND c.version = o.version), ''::bytea),
       COALESCE((SELECT string_agg(float8send(COALESCE(((f->>'previousYear')::double precision)::double precision, 'NaN')), ''::bytea ORDER BY c.n, f_ord) FROM cells c
                   CROSS JOIN LATERAL unnest(c.facts) WITH ORDINALITY AS u(f, f_ord)
                  WHERE c.period_id = o.period_id AND c.version = o.version), ''::bytea),
       COALESCE(jsonb_object_agg(o.unit_id::text, o.advanced_reasons)
                  FILTER (WHERE jsonb_array_length(o.advanced_reasons) > 0), '{}'),
       COALESCE(jsonb_object_agg(o.rank_group, o.explanation->'advanced'->'group')
                  FILTER (WHERE jsonb_typeof(o.explanation->'advanced'->'group') = 'object'), '{}')
  FROM old o
 GROUP BY o.period_id, o.version;

DROP TABLE assessment_results;
DROP FUNCTION assessment_result_guard();

-- A closed period's results never change: a set may be replaced only while its period is open, and
-- a new set only for a version above the one closed (a correction).
CREATE FUNCTION assessment_result_set_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  p record;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION '考核结果不可清空 / assessment results cannot be truncated'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT status, version INTO p FROM assessment_periods
   WHERE id = (CASE WHEN TG_OP = 'INSERT' THEN NEW.period_id ELSE OLD.period_id END);
  IF p.status = 'closed' AND (TG_OP <> 'INSERT' OR NEW.version <= p.version) THEN
    RAISE EXCEPTION '已关闭考核期间的结果不可修改 / results of a closed assessment period cannot change'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER assessment_result_sets_frozen
  BEFORE INSERT OR UPDATE OR DELETE ON assessment_result_sets
  FOR EACH ROW EXECUTE FUNCTION assessment_result_set_guard();

CREATE TRIGGER assessment_result_sets_no_truncate
  BEFORE TRUNCATE ON assessment_result_sets
  FOR EACH STATEMENT EXECUTE FUNCTION assessment_result_set_guard();

-- The results one row per unit, as the readers (ranking, rewards, archives) query them; `position`
-- is the unit's place in the set (ranking order: group, rank, unit).
CREATE VIEW assessment_results AS
SELECT s.period_id, s.version, r.position, r.unit_id, r.unit_kind, r.unit_depth, r.score, r.grade_id,
       r.grade_failing, r.vetoed, r.rank_group, r.rank, r.not_ranked, r.advanced, r.indicators_with_data,
       COALESCE(s.advanced_reasons -> r.unit_id::text, '[]'::jsonb) AS advanced_reasons,
       s.rulebook_id, s.rulebook_version, s.computed_at, s.reason
  FROM assessment_result_sets s
 CROSS JOIN LATERAL unnest(s.unit_ids, s.unit_kinds, s.unit_depths, s.scores, s.grade_ids, s.grade_failing,
                           s.vetoed, s.rank_groups, s.ranks, s.not_ranked, s.advanced, s.indicators_with_data)
       WITH ORDINALITY AS r(unit_id, unit_kind, unit_depth, score, grade_id, grade_failing, vetoed, rank_group,
                            rank, not_ranked, advanced, indicators_with_data, position);
