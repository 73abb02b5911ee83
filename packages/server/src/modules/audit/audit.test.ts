import type { AuditPage, AuditVerifyResult } from '@zongzhi/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { AUDIT_EXPORT_COLUMNS } from './export-audit-workbook';

const OTHER_ROLES = ['sysadmin', 'secadmin', 'operator', 'liaison', 'leader', 'orgdept', 'gridworker'];

describe('audit routes', () => {
  let t: TestApp;
  let auditor: Session;
  beforeAll(async () => {
    t = await createTestApp();
    auditor = await t.login('auditadmin');
    await t.login('operator');
    await t.ctx.chainer.flush();
  });
  afterAll(async () => t?.close());

  const list = async (query = '', s: Session = auditor) => {
    const res = await s.inject({ method: 'GET', url: `/api/v1/audit${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditPage;
  };

  it('shows the audit admin the log, newest first, with chain positions', async () => {
    const page = await list();
    expect(page.total).toBeGreaterThanOrEqual(2);
    const logins = page.items.filter((r) => r.action === 'security.login');
    expect(logins.map((r) => r.actorName)).toEqual(['operator', 'auditadmin']);
    const times = page.items.map((r) => r.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(page.items.every((r) => r.chainSeq !== null && r.hash?.length === 64)).toBe(true);
  });

  it('filters by actor, action (exact or prefix), outcome and time, and pages', async () => {
    expect((await list('?actor=OPERA')).items.every((r) => r.actorName?.includes('operator'))).toBe(true);
    expect((await list('?actor=OPERA')).total).toBeGreaterThan(0);
    expect((await list('?action=security.login')).items.every((r) => r.action === 'security.login')).toBe(
      true,
    );
    const security = await list('?action=security.*');
    expect(security.total).toBeGreaterThanOrEqual(2);
    expect(security.items.every((r) => r.action.startsWith('security.'))).toBe(true);
    expect((await list('?action=security')).total).toBe(0);
    expect((await list('?action=100%25*')).total).toBe(0);
    expect((await list('?outcome=failed')).total).toBe(0);
    const now = t.clock.now();
    expect(
      (await list(`?from=${encodeURIComponent(new Date(now.getTime() + 1000).toISOString())}`)).total,
    ).toBe(0);
    // A bare date is a whole day in China time: TEST_START 01:00Z is 09:00 on 2 March in Beijing.
    expect((await list('?from=2026-03-02&to=2026-03-02')).total).toBe((await list()).total);
    expect((await list('?to=2026-03-01')).total).toBe(0);
    const firstPage = await list('?pageSize=1&page=1');
    const secondPage = await list('?pageSize=1&page=2');
    expect(firstPage.items).toHaveLength(1);
    expect(secondPage.items[0]?.id).not.toBe(firstPage.items[0]?.id);
  });

  it('rejects a malformed filter naming the field', async () => {
    const res = await auditor.inject({ method: 'GET', url: '/api/v1/audit?from=yesterday&outcome=maybe' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['query.from', 'query.outcome']));
  });

  it('answers 403 to every other role, and records the refusal', async () => {
    for (const role of OTHER_ROLES) {
      const s = await t.login(role);
      for (const url of ['/api/v1/audit', '/api/v1/audit/export.xlsx', '/api/v1/audit/verify']) {
        const res = await s.inject({ method: 'GET', url });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/audit' });
    expect(unauthenticated.statusCode).toBe(401);
    await t.ctx.chainer.flush();
    const denied = await list('?action=security.permission_denied&actor=gridworker');
    expect(denied.items.map((r) => r.details.route)).toEqual(
      expect.arrayContaining(['/api/v1/audit', '/api/v1/audit/export.xlsx', '/api/v1/audit/verify']),
    );
  });

  it('lets an audit admin of any unit read the whole log (records belong to no unit)', async () => {
    const s = await t.login('auditadmin2');
    expect((await list('', s)).total).toBeGreaterThan(0);
  });

  it('has no route that writes the log', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const res = await auditor.inject({ method, url: '/api/v1/audit', payload: {} });
      expect(res.statusCode, method).toBe(404);
    }
    const one = await auditor.inject({ method: 'DELETE', url: '/api/v1/audit/1' });
    expect(one.statusCode).toBe(404);
  });

  it('exports a real workbook with Chinese headers, and the export is itself audited', async () => {
    await t.ctx.chainer.flush();
    const expected = await list('?action=security.*');
    const res = await auditor.inject({ method: 'GET', url: '/api/v1/audit/export.xlsx?action=security.*' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('审计日志'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志');
    if (!sheet) throw new Error('no 审计日志 sheet');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(AUDIT_EXPORT_COLUMNS.map((c) => c.header));
    expect(sheet.rowCount).toBe(expected.total + 1);
    const first = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(first[1]).toBe(expected.items[0]?.id);
    expect(first[5]).toBe(expected.items[0]?.action);
    expect(['成功', '拒绝', '失败']).toContain(first[8]);
    expect(wb.getWorksheet('导出说明')?.getCell('B5').value).toBe(String(expected.total));

    const exported = await list('?action=audit.exported');
    expect(exported.items[0]).toMatchObject({
      actorName: 'auditadmin',
      actorRole: 'auditadmin',
      outcome: 'ok',
      details: { rows: expected.total, filter: { action: 'security.*' } },
    });
  });

  it('verifies the chain, records the check, and names a record a superuser altered', async () => {
    const clean = await auditor.inject({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(clean.statusCode).toBe(200);
    const result = clean.json() as AuditVerifyResult;
    expect(result).toMatchObject({ ok: true, pending: 0, firstBroken: null });
    expect(result.checked).toBeGreaterThan(10);
    await t.ctx.chainer.flush();
    expect((await list('?action=audit.verified')).items[0]?.details).toMatchObject({ ok: true });

    const [victim] = await t.db.query<{ id: number }>('SELECT id FROM audit_log WHERE chain_seq = 3');
    await t.db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query("UPDATE audit_log SET actor_name = 'nobody' WHERE chain_seq = 3");
    });
    const broken = await auditor.inject({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(broken.json()).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { chainSeq: 3, id: victim?.id, reason: 'content_altered' },
    });
    await t.ctx.chainer.flush();
    expect((await list('?action=audit.verified')).items[0]?.details).toMatchObject({
      ok: false,
      firstBroken: { chainSeq: 3, reason: 'content_altered' },
    });
  });
});
