import { parseArgs } from 'node:util';
import { UNIT_KINDS, type UnitKind } from '@zongzhi/domain';
import type { Database } from '@zongzhi/server/db/client';
import { appendAudit, chainPendingAudit } from '@zongzhi/server/platform/audit/audit-ledger';
import { CommandError, UsageError } from './cli-errors';
import { type Output, openCommandDatabase } from './command-database';

export type AddRootUnitInput = {
  code: string;
  name: string;
  kind: UnitKind;
  population: number | null;
  validFrom: string;
};

/**
 * Creates a top-level unit. The API only adds units under a parent in the caller's scope, so on
 * a new installation the first unit, and the first administrator's scope, come from the console.
 */
export const addRootUnit = async (db: Database, input: AddRootUnitInput, now: Date) =>
  db.transaction(async (tx) => {
    const taken = await tx.query('SELECT 1 FROM units WHERE code = $1 AND valid_to IS NULL', [input.code]);
    if (taken.length > 0)
      throw new CommandError(`单位代码 ${input.code} 已被使用`, `Unit code ${input.code} is already in use`);
    // The registry's insert trigger records the unit's first version in unit_history.
    const [row] = await tx.query<{ id: number }>(
      `WITH n AS (SELECT nextval(pg_get_serial_sequence('units', 'id')) AS id)
       INSERT INTO units (id, code, name, kind, parent_id, path, depth, population, valid_from)
       SELECT n.id, $1, $2, $3, NULL, '/' || n.id || '/', 0, $4, $5 FROM n RETURNING id`,
      [input.code, input.name, input.kind, input.population, input.validFrom],
    );
    const id = row!.id;
    await appendAudit(tx, {
      occurredAt: now,
      actor: { id: null, name: 'cli', role: null },
      action: 'unit.created',
      outcome: 'ok',
      targetType: 'unit',
      targetId: id,
      details: { ...input, parentId: null, via: 'cli' },
    });
    return id;
  });

export const runUnitAdd = async (args: string[], io: Output): Promise<number> => {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      kind: { type: 'string' },
      population: { type: 'string' },
      'valid-from': { type: 'string' },
    },
  });
  if (!values.code?.trim() || !values.name?.trim() || !values.kind)
    throw new UsageError('须给出 --code、--name 和 --kind', '--code, --name and --kind are required');
  if (!(UNIT_KINDS as readonly string[]).includes(values.kind))
    throw new UsageError(
      `未知单位类别：${values.kind}`,
      `unknown unit kind: ${values.kind} (${UNIT_KINDS.join(', ')})`,
    );
  const population = values.population === undefined ? null : Number(values.population);
  if (population !== null && (!Number.isInteger(population) || population < 0))
    throw new UsageError('--population 须为非负整数', '--population must be a non-negative integer');
  const validFrom = values['valid-from'] ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validFrom) || Number.isNaN(Date.parse(validFrom)))
    throw new UsageError('--valid-from 须为 YYYY-MM-DD', '--valid-from must be YYYY-MM-DD');

  const c = await openCommandDatabase('unit add', io);
  try {
    const id = await addRootUnit(
      c.db,
      {
        code: values.code.trim(),
        name: values.name.trim(),
        kind: values.kind as UnitKind,
        population,
        validFrom,
      },
      new Date(),
    );
    // Link the new audit records now rather than at the server's next request.
    await chainPendingAudit(c.db);
    io.out(
      `已创建顶级单位 / Top-level unit created: ${values.name} (${values.code}, id ${id})\n` +
        `下一步 / next: zongzhi user add --username … --role sysadmin --unit ${values.code}\n`,
    );
    return 0;
  } finally {
    await c.close();
  }
};
