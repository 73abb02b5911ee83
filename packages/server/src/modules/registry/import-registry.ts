import type { RegistryImportResponse } from '@zongzhi/contracts';
import {
  POST_KIND_TABLE,
  type PostKind,
  UNIT_KIND_TABLE,
  type UnitKind,
  checkUnitCode,
} from '@zongzhi/domain';
import type ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { type FieldError, field } from '../../platform/errors';
import { type PostSpan, refreshEligibilityForPostChange } from '../eligibility/refresh-eligibility';
import { calculateToday } from './registry-calendar';
import { SHEETS, type SheetKey, columnLetter, readCellText, readWorkbook } from './registry-workbook';
import { registryErrors } from './registry.errors';
import {
  findCurrentUnitsByCodes,
  insertPerson,
  insertPost,
  insertUnit,
  markFirstVersion,
} from './registry.repository';

const MAX_ERRORS = 200;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[0-9A-Za-z_-]{1,32}$/;
const PHONE = /^(\+86)?[0-9-]{7,20}$/;

const isRealDate = (s: string) =>
  DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

const unitKindOf = new Map<string, UnitKind>(
  UNIT_KIND_TABLE.flatMap((k) => [
    [k.kind, k.kind],
    [k.label.zh, k.kind],
  ]),
);
const postKindOf = new Map<string, PostKind>(
  POST_KIND_TABLE.flatMap((k) => [
    [k.kind, k.kind],
    [k.label.zh, k.kind],
  ]),
);
const genderOf = new Map<string, 'male' | 'female'>([
  ['男', 'male'],
  ['女', 'female'],
  ['male', 'male'],
  ['female', 'female'],
]);

type Row = { line: number; cells: string[] };
type FileUnit = {
  line: number;
  code: string;
  name: string;
  /** null when the cell is wrong: the row is still checked, and nothing is written anyway. */
  kind: UnitKind | null;
  parentCode: string;
  population: number | null;
  validFrom: string;
};
type FilePerson = {
  line: number;
  key: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  unitCode: string;
};
type FilePost = {
  line: number;
  personKey: string;
  unitCode: string;
  postKind: PostKind | null;
  title: string;
  portfolio: string | null;
  startDate: string;
  endDate: string | null;
};

/** Collects errors by sheet and cell ('任职!D7'), Chinese and English. */
const createErrorList = () => {
  const errors: FieldError[] = [];
  const add = (sheet: SheetKey, col: number, line: number, zh: string, en: string) => {
    if (errors.length < MAX_ERRORS)
      errors.push(field(`${SHEETS[sheet].name}!${columnLetter(col)}${line}`, zh, en));
  };
  return { errors, add };
};

const readRows = (ws: ExcelJS.Worksheet, width: number): Row[] => {
  const rows: Row[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = Array.from({ length: width }, (_, i) => readCellText(row.getCell(i + 1).value));
    if (cells.some((c) => c !== '')) rows.push({ line, cells });
  });
  return rows;
};

/**
 * Imports units, people and posts from a filled template. Every row is checked first; any error
 * answers 400 listing the cells and nothing is written. Otherwise all rows are written in one
 * transaction (units parents first), audited as one import. Import only adds: a unit code that a
 * current unit already has is an error, not an update.
 */
export const importRegistry = async (
  ctx: AppContext,
  request: FastifyRequest,
  buffer: Buffer,
): Promise<RegistryImportResponse> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  const today = calculateToday(now);
  const { errors, add } = createErrorList();
  let wb: ExcelJS.Workbook;
  try {
    wb = await readWorkbook(buffer);
  } catch {
    throw registryErrors.fail('registry.import_invalid', [
      field('file', '文件不是有效的 Excel（.xlsx）文件', 'The file is not a valid .xlsx workbook'),
    ]);
  }
  const sheetRows = {} as Record<SheetKey, Row[]>;
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const def = SHEETS[key];
    const ws = wb.getWorksheet(def.name);
    if (!ws) {
      errors.push(field(def.name, `缺少工作表「${def.name}」`, `Sheet ${def.name} is missing`));
      sheetRows[key] = [];
      continue;
    }
    const header = def.columns.map((_, i) => readCellText(ws.getRow(1).getCell(i + 1).value));
    def.columns.forEach((col, i) => {
      if (header[i]?.replace('*', '') !== col.replace('*', ''))
        add(key, i, 1, `表头应为「${col}」`, `The header must be "${col}"`);
    });
    sheetRows[key] = readRows(ws, def.columns.length);
  }
  if (errors.length) throw registryErrors.fail('registry.import_invalid', errors);

  const required = (sheet: SheetKey, row: Row, col: number) => {
    const v = row.cells[col] ?? '';
    if (v === '') add(sheet, col, row.line, '必填', 'Required');
    return v;
  };
  const optionalDate = (sheet: SheetKey, row: Row, col: number) => {
    const v = row.cells[col] ?? '';
    if (v === '') return null;
    if (!isRealDate(v)) add(sheet, col, row.line, '日期格式应为 YYYY-MM-DD', 'Date must be YYYY-MM-DD');
    return v;
  };
  const requiredDate = (sheet: SheetKey, row: Row, col: number) =>
    required(sheet, row, col) === '' ? '' : (optionalDate(sheet, row, col) ?? '');

  // ---- 单位 ----
  const fileUnits = new Map<string, FileUnit>();
  for (const row of sheetRows.units) {
    const code = required('units', row, 0);
    if (code && !CODE.test(code))
      add(
        'units',
        0,
        row.line,
        '编码只能包含字母、数字、- 和 _，最长 32 位',
        'Letters, digits, - and _ only, up to 32',
      );
    else if (code && fileUnits.has(code))
      add('units', 0, row.line, `编码 ${code} 在本表中重复`, `Code ${code} appears twice in the sheet`);
    const name = required('units', row, 1);
    if (name.length > 100) add('units', 1, row.line, '名称不能超过 100 字', 'Name is longer than 100');
    const kindText = required('units', row, 2);
    const kind = unitKindOf.get(kindText);
    if (kindText && !kind)
      add('units', 2, row.line, '单位类型不在允许范围内（见说明）', 'Unknown unit kind (see 说明)');
    const codeProblem = kind && code && CODE.test(code) ? checkUnitCode(kind, code) : null;
    if (codeProblem) add('units', 0, row.line, codeProblem.zh, codeProblem.en);
    const parentCode = required('units', row, 3);
    const popText = row.cells[4] ?? '';
    const population = popText === '' ? null : Number(popText);
    if (population !== null && !(Number.isInteger(population) && population >= 0))
      add('units', 4, row.line, '人口应为非负整数', 'Population must be a whole number ≥ 0');
    const validFrom = requiredDate('units', row, 5);
    if (code && !fileUnits.has(code))
      fileUnits.set(code, {
        line: row.line,
        code,
        name,
        kind: kind ?? null,
        parentCode,
        population,
        validFrom,
      });
  }

  // ---- 人员 ----
  const filePeople = new Map<string, FilePerson>();
  for (const row of sheetRows.people) {
    const key = required('people', row, 0);
    if (key && filePeople.has(key))
      add('people', 0, row.line, `人员编号 ${key} 重复`, `Person key ${key} appears twice`);
    const name = required('people', row, 1);
    if (name.length > 50) add('people', 1, row.line, '姓名不能超过 50 字', 'Name is longer than 50');
    const genderText = row.cells[2] ?? '';
    const gender = genderText === '' ? null : (genderOf.get(genderText) ?? null);
    if (genderText && !gender)
      add('people', 2, row.line, '性别应为「男」或「女」', 'Gender must be 男 or 女');
    const birthDate = optionalDate('people', row, 3);
    const phone = row.cells[4] || null;
    if (phone && !PHONE.test(phone)) add('people', 4, row.line, '手机号码格式不正确', 'Not a phone number');
    const unitCode = required('people', row, 5);
    if (key && !filePeople.has(key))
      filePeople.set(key, { line: row.line, key, name, gender, birthDate, phone, unitCode });
  }

  // ---- 任职 ----
  const filePosts: FilePost[] = [];
  for (const row of sheetRows.posts) {
    const personKey = required('posts', row, 0);
    if (personKey && !filePeople.has(personKey))
      add(
        'posts',
        0,
        row.line,
        `人员编号 ${personKey} 不在「人员」表中`,
        `Person key ${personKey} is not in the 人员 sheet`,
      );
    const unitCode = required('posts', row, 1);
    const kindText = required('posts', row, 2);
    const postKind = postKindOf.get(kindText);
    if (kindText && !postKind)
      add('posts', 2, row.line, '职务类别不在允许范围内（见说明）', 'Unknown post kind (see 说明)');
    const title = required('posts', row, 3);
    if (title.length > 100) add('posts', 3, row.line, '职务名称不能超过 100 字', 'Title is longer than 100');
    const portfolio = row.cells[4] || null;
    const startDate = requiredDate('posts', row, 5);
    const endDate = optionalDate('posts', row, 6);
    if (startDate && endDate && endDate <= startDate)
      add('posts', 6, row.line, '免职日期须晚于任职日期', 'The end date must be after the start date');
    if (postKind)
      filePosts.push({ line: row.line, personKey, unitCode, postKind, title, portfolio, startDate, endDate });
  }

  // ---- references: codes in the file or current units in the caller's scope ----
  const referenced = new Set<string>([
    ...fileUnits.keys(),
    ...[...fileUnits.values()].map((u) => u.parentCode),
    ...[...filePeople.values()].map((p) => p.unitCode),
    ...filePosts.map((p) => p.unitCode),
  ]);
  const existing = new Map(
    (await findCurrentUnitsByCodes(ctx.db, [...referenced].filter(Boolean))).map((u) => [u.code, u]),
  );
  const reachable = (code: string) => {
    const e = existing.get(code);
    return fileUnits.has(code) || (e !== undefined && isInScope(grants, e.path));
  };
  for (const u of fileUnits.values()) {
    if (existing.has(u.code))
      add(
        'units',
        0,
        u.line,
        `单位编码 ${u.code} 已被现存单位使用`,
        `Code ${u.code} is used by a current unit`,
      );
    if (u.parentCode && !reachable(u.parentCode))
      add(
        'units',
        3,
        u.line,
        `上级单位 ${u.parentCode} 不存在或不在您的管辖范围内`,
        `Parent ${u.parentCode} does not exist or is outside your scope`,
      );
    const parentFrom = fileUnits.get(u.parentCode)?.validFrom ?? existing.get(u.parentCode)?.validFrom;
    if (u.validFrom && parentFrom && u.validFrom < parentFrom)
      add(
        'units',
        5,
        u.line,
        `成立日期早于上级单位（${parentFrom}）`,
        `Starts before its parent (${parentFrom})`,
      );
  }
  // A chain of parents inside the file must reach an existing unit: a loop never does.
  for (const u of fileUnits.values()) {
    const seen = new Set<string>([u.code]);
    let at = fileUnits.get(u.parentCode);
    while (at && !seen.has(at.code)) {
      seen.add(at.code);
      at = fileUnits.get(at.parentCode);
    }
    if (at) add('units', 3, u.line, '上级单位关系形成循环', 'The parent codes form a loop');
  }
  for (const p of filePeople.values())
    if (p.unitCode && !reachable(p.unitCode))
      add(
        'people',
        5,
        p.line,
        `单位 ${p.unitCode} 不存在或不在您的管辖范围内`,
        `Unit ${p.unitCode} is unknown or out of scope`,
      );
  for (const p of filePosts) {
    if (p.unitCode && !reachable(p.unitCode)) {
      add(
        'posts',
        1,
        p.line,
        `单位 ${p.unitCode} 不存在或不在您的管辖范围内`,
        `Unit ${p.unitCode} is unknown or out of scope`,
      );
      continue;
    }
    const unitFrom = fileUnits.get(p.unitCode)?.validFrom ?? existing.get(p.unitCode)?.validFrom;
    if (p.startDate && unitFrom && p.startDate < unitFrom)
      add(
        'posts',
        5,
        p.line,
        `任职日期早于单位成立日期（${unitFrom}）`,
        `Starts before the unit exists (${unitFrom})`,
      );
  }
  if (errors.length) {
    await ctx.audit(ctx.db, request, {
      action: 'registry.imported',
      outcome: 'failed',
      details: { errors: errors.length, first: errors.slice(0, 5).map((e) => e.path) },
    });
    throw registryErrors.fail('registry.import_invalid', errors);
  }

  return ctx.db.transaction(async (tx) => {
    const idOf = new Map<string, { id: number; path: string; depth: number }>();
    for (const [code, e] of existing)
      idOf.set(code, { id: e.id, path: e.path, depth: e.path.split('/').length - 3 });
    const pending = [...fileUnits.values()];
    while (pending.length) {
      const index = pending.findIndex((u) => idOf.has(u.parentCode));
      const u = pending.splice(index, 1)[0]!;
      const parent = idOf.get(u.parentCode)!;
      const created = await insertUnit(tx, {
        code: u.code,
        name: u.name,
        kind: u.kind!,
        parentId: parent.id,
        parentPath: parent.path,
        parentDepth: parent.depth,
        population: u.population,
        validFrom: u.validFrom,
      });
      await markFirstVersion(tx, created.id, 'imported', [], now);
      idOf.set(u.code, { ...created, depth: parent.depth + 1 });
    }
    const personIds = new Map<string, number>();
    for (const p of filePeople.values())
      personIds.set(
        p.key,
        await insertPerson(tx, {
          name: p.name,
          gender: p.gender,
          birthDate: p.birthDate,
          phone: p.phone,
          unitId: idOf.get(p.unitCode)!.id,
        }),
      );
    const spans: PostSpan[] = [];
    for (const p of filePosts) {
      const unitId = idOf.get(p.unitCode)!.id;
      const postId = await insertPost(tx, {
        personId: personIds.get(p.personKey)!,
        unitId,
        postKind: p.postKind!,
        title: p.title,
        portfolio: p.portfolio,
        startDate: p.startDate,
        endDate: p.endDate,
      });
      spans.push({ postId, unitId, from: p.startDate, to: p.endDate });
    }
    const counts = { units: fileUnits.size, people: filePeople.size, posts: filePosts.length };
    await ctx.audit(tx, request, {
      action: 'registry.imported',
      outcome: 'ok',
      details: { ...counts, today, unitCodes: [...fileUnits.keys()].slice(0, 100) },
    });
    // Posts imported into existing units may name who answered for cases already decided there.
    await refreshEligibilityForPostChange(ctx, tx, request, { reason: 'registry.imported', spans });
    return counts;
  });
};
