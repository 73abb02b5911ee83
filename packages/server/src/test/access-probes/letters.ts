import ExcelJS from 'exceljs';
import type { Role } from '@zongzhi/contracts';
import {
  givePrincipal,
  insertBatchFixture,
  insertDoneExportFixture,
  insertLetterFixture,
  insertTemplateFixture,
  SAMPLE_TARGETS,
} from '../../modules/letters/letters.test-support';
import { totpCode, totpStep } from '../../platform/auth/totp';
import { sm4Encrypt } from '../../platform/crypto';
import { TEST_SECRET_KEY, TEST_TOTP_SECRET } from '../harness';
import type { AreaProbeFactory, Probe } from './kit';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Probes of the letters routes. Every record is town1's: templates owned by town1, batches and
 * letters issued by town1 to a fresh village under it, so that the operator (county) and town1's
 * liaison are issuers in scope, town1's leader (张书记, town1's principal) is the issuer's bound
 * signatory, and the `<role>2` twins (town2) are out of scope.
 */
export const lettersProbes: AreaProbeFactory = (kit) => {
  const db = () => kit.t().db;
  const world = () => kit.t().world;
  const town1 = () => world().units.town1.id;

  const freshVillage = async () => {
    const unit = await kit.freshUnit();
    await givePrincipal(db(), unit.id, kit.unique('矩阵主任'));
    return unit;
  };
  const freshTemplate = async () => {
    const name = kit.unique('矩阵责任书模板');
    return { id: await insertTemplateFixture(db(), { ownerUnitId: town1(), name }), name };
  };
  const freshLetter = async (batchId: number | null = null) => {
    const village = await freshVillage();
    const title = kit.unique('矩阵责任书');
    const id = await insertLetterFixture(db(), {
      issuerUnitId: town1(),
      recipientUnitId: village.id,
      title,
      batchId,
      signatories: [
        {
          party: 'issuer',
          personId: world().people.secretary,
          personName: '张书记',
          postKind: 'party_secretary',
          postTitle: '镇党委书记',
          role: 'principal',
        },
      ],
    });
    return { id, title };
  };
  const freshBatch = async () => {
    const template = await freshTemplate();
    const village = await freshVillage();
    const id = await insertBatchFixture(db(), {
      templateId: template.id,
      templateName: template.name,
      issuerUnitId: town1(),
      recipientUnitIds: [village.id],
    });
    return { id, name: template.name };
  };
  const templateBody = () => ({
    name: kit.unique('矩阵模板'),
    relationshipId: 'town-village',
    ownerUnitId: town1(),
    title: '平安建设目标管理责任书',
    preamble: '为落实责任制，签订本责任书。',
    responsibilities: ['（一）双方共同遵守。'],
    targets: SAMPLE_TARGETS,
  });
  const progressWorkbook = async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('目标进度').addRow([
      '目标编号*',
      '序号',
      '目标',
      '目标值',
      '统计期间*',
      '实际值',
      '备注',
    ]);
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };
  /** The leader (张书记) signs with a code of the TOTP this probe gives the account. */
  const signingCode = async (role: Role) => {
    if (role === 'leader') {
      await db().query(
        "UPDATE accounts SET totp_secret_enc = $1, totp_enabled = true WHERE username = 'leader' AND NOT totp_enabled",
        [sm4Encrypt(TEST_SECRET_KEY, TEST_TOTP_SECRET)],
      );
      kit.t().clock.advance(30_000);
    }
    return totpCode(TEST_TOTP_SECRET, totpStep(kit.t().clock.now()));
  };

  const onLetter = (path: string, extra: Partial<Probe> = {}): Probe => ({
    scope: 'record',
    prepare: async () => {
      const letter = await freshLetter();
      return { url: `/api/v1/letters/${letter.id}${path}`, marker: path === '' ? letter.title : undefined };
    },
    ...extra,
  });

  const probes: Record<string, Probe> = {
    'GET /api/v1/letters/rules': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/letters/rules?unitId=${town1()}` }),
    },
    'GET /api/v1/letter-templates': {
      scope: 'record',
      prepare: async () => {
        const t = await freshTemplate();
        return { url: '/api/v1/letter-templates?pageSize=500&relationshipId=town-village', marker: t.name };
      },
    },
    'GET /api/v1/letter-templates/:id': {
      scope: 'record',
      prepare: async () => {
        const t = await freshTemplate();
        return { url: `/api/v1/letter-templates/${t.id}`, marker: t.name };
      },
    },
    'POST /api/v1/letter-templates': {
      scope: 'record',
      bodyRef: true,
      prepare: async () => ({ url: '/api/v1/letter-templates', payload: templateBody() }),
    },
    'PUT /api/v1/letter-templates/:id': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/letter-templates/${(await freshTemplate()).id}`,
        payload: templateBody(),
      }),
    },
    'DELETE /api/v1/letter-templates/:id': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/letter-templates/${(await freshTemplate()).id}` }),
    },
    'GET /api/v1/letter-batches/recipients': {
      scope: 'record',
      prepare: async () => {
        const village = await freshVillage();
        const t = await freshTemplate();
        return {
          url: `/api/v1/letter-batches/recipients?issuerUnitId=${town1()}&templateId=${t.id}`,
          marker: village.name,
        };
      },
    },
    'POST /api/v1/letter-batches/preview': {
      scope: 'record',
      bodyRef: true,
      prepare: async () => ({
        url: '/api/v1/letter-batches/preview',
        payload: {
          templateId: (await freshTemplate()).id,
          issuerUnitId: town1(),
          year: 2026,
          recipientUnitIds: [(await freshVillage()).id],
        },
      }),
    },
    'POST /api/v1/letter-batches': {
      scope: 'record',
      bodyRef: true,
      prepare: async () => ({
        url: '/api/v1/letter-batches',
        payload: {
          templateId: (await freshTemplate()).id,
          issuerUnitId: town1(),
          year: 2026,
          recipientUnitIds: [(await freshVillage()).id],
        },
      }),
    },
    'POST /api/v1/letter-batches/:id/issue': {
      scope: 'record',
      prepare: async () => ({ url: `/api/v1/letter-batches/${(await freshBatch()).id}/issue` }),
    },
    'GET /api/v1/letter-batches': {
      scope: 'record',
      prepare: async () => ({
        url: '/api/v1/letter-batches?pageSize=500',
        marker: (await freshBatch()).name,
      }),
    },
    'GET /api/v1/letter-batches/:id': {
      scope: 'record',
      prepare: async () => {
        const b = await freshBatch();
        return { url: `/api/v1/letter-batches/${b.id}`, marker: b.name };
      },
    },
    'POST /api/v1/letter-batches/:id/recover': {
      scope: 'record',
      prepare: async () => {
        // A batch left issuing by a process that died: no heartbeat at all.
        const b = await freshBatch();
        await db().query("UPDATE letter_batches SET status = 'issuing', heartbeat_at = NULL WHERE id = $1", [
          b.id,
        ]);
        return { url: `/api/v1/letter-batches/${b.id}/recover` };
      },
    },
    'POST /api/v1/letter-batches/:id/exports': {
      scope: 'record',
      prepare: async () => {
        const b = await freshBatch();
        await freshLetter(b.id);
        return { url: `/api/v1/letter-batches/${b.id}/exports` };
      },
    },
    'GET /api/v1/letter-batches/:id/exports': {
      scope: 'record',
      prepare: async () => {
        const b = await freshBatch();
        await insertDoneExportFixture(db(), b.id, world().units.town1.path);
        return { url: `/api/v1/letter-batches/${b.id}/exports`, marker: 'fixture.pdf' };
      },
    },
    'GET /api/v1/letter-batches/:id/exports/:jobId': {
      scope: 'record',
      prepare: async () => {
        const b = await freshBatch();
        const job = await insertDoneExportFixture(db(), b.id, world().units.town1.path);
        return { url: `/api/v1/letter-batches/${b.id}/exports/${job}`, marker: 'fixture.pdf' };
      },
    },
    'GET /api/v1/letter-batches/:id/exports/:jobId/file': {
      scope: 'record',
      prepare: async () => {
        const b = await freshBatch();
        const job = await insertDoneExportFixture(db(), b.id, world().units.town1.path);
        return { url: `/api/v1/letter-batches/${b.id}/exports/${job}/file` };
      },
    },
    'GET /api/v1/letters': {
      scope: 'record',
      prepare: async () => ({ url: '/api/v1/letters?pageSize=500', marker: (await freshLetter()).title }),
    },
    'GET /api/v1/letters/signing-rate': {
      scope: 'none',
      prepare: async () => ({ url: '/api/v1/letters/signing-rate?year=2026' }),
    },
    'GET /api/v1/letters/:id': onLetter(''),
    'PATCH /api/v1/letters/:id': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/letters/${(await freshLetter()).id}`,
        payload: { preamble: '更正。' },
      }),
    },
    'POST /api/v1/letters/:id/amendments': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/letters/${(await freshLetter()).id}/amendments`,
        payload: { reason: '调整目标', targets: SAMPLE_TARGETS.slice(0, 1) },
      }),
    },
    'POST /api/v1/letters/:id/sign': {
      scope: 'record',
      // Only the bound signatory (张书记, the leader's person) signs; accounts linked to no person are refused.
      expect: (role) => (role === 'leader' ? 'success' : 403),
      prepare: async (role) => ({
        url: `/api/v1/letters/${(await freshLetter()).id}/sign`,
        payload: { totpCode: await signingCode(role) },
      }),
    },
    'GET /api/v1/letters/:id/versions/:version': onLetter('/versions/1'),
    'GET /api/v1/letters/:id/versions/:version/diff': onLetter('/versions/1/diff'),
    'GET /api/v1/letters/:id/cascade': onLetter('/cascade'),
    'GET /api/v1/letters/:id/progress': onLetter('/progress'),
    'PUT /api/v1/letters/:id/progress/:targetKey/:periodKey': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/letters/${(await freshLetter()).id}/progress/criminal-case-rate/2026`,
        payload: { value: 5 },
      }),
    },
    'GET /api/v1/letters/:id/progress.xlsx': onLetter('/progress.xlsx'),
    'POST /api/v1/letters/:id/progress/import': {
      scope: 'record',
      prepare: async () => ({
        url: `/api/v1/letters/${(await freshLetter()).id}/progress/import`,
        payload: await progressWorkbook(),
        headers: { 'content-type': XLSX },
      }),
    },
    'GET /api/v1/letters/:id/pdf': onLetter('/pdf'),
    'GET /api/v1/letters/:id/docx': onLetter('/docx'),
  };
  return {
    probes,
    tables: [
      'letter_templates',
      'letter_batches',
      'document_jobs',
      'letters',
      'letter_versions',
      'letter_targets',
      'letter_signatures',
      'indicator_values',
      'letter_target_values',
    ],
  };
};
