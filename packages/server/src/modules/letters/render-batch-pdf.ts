import type { AppContext } from '../../platform/context';
import { createPdfConcatenator } from '../../platform/documents/concat-pdf';
import { renderPdf } from '../../platform/documents/render-pdf';
import { buildLetterDocument } from './build-letter-document';
import type { ClaimedJob } from './document-jobs.repository';
import { findBatch, findVersion, listLetters, listSignatures } from './letters.repository';

/**
 * Letters laid out per pdfmake run. pdfmake holds a whole run's layout in memory (1,000 letters in
 * one run peaked at 1.3 GiB, bench/RESULTS.md); fifty at a time keep the worker's memory to one
 * chunk's layout plus the joined bytes so far.
 */
export const EXPORT_CHUNK = 50;

export type RenderedExport = { file: Buffer; fileName: string };

/**
 * Renders every live letter of the job's batch within the job's jurisdiction into one PDF, chunk
 * by chunk; `progress(done)` is called after each chunk (it renews the lease) and answers false
 * when the job is no longer this worker's, which stops the rendering (null).
 */
export const renderBatchPdf = async (
  ctx: Pick<AppContext, 'db'>,
  job: ClaimedJob,
  progress: (done: number) => Promise<boolean>,
): Promise<RenderedExport | null> => {
  const batch = await findBatch(ctx.db, job.targetId);
  if (!batch) throw new Error(`batch ${job.targetId} vanished`);
  const pdf = createPdfConcatenator();
  let done = 0;
  for (let page = 0; ; page += 1) {
    const { items } = await listLetters(ctx.db, {
      scope: job.scopePatterns,
      personId: null,
      batchId: batch.id,
      limit: EXPORT_CHUNK,
      offset: page * EXPORT_CHUNK,
    });
    if (items.length === 0) break;
    const documents = [];
    for (const letter of items)
      documents.push(
        buildLetterDocument({
          letter,
          version: (await findVersion(ctx.db, letter.id, letter.currentVersion))!,
          signatures: await listSignatures(ctx.db, letter.id, letter.currentVersion),
        }),
      );
    pdf.append(await renderPdf(documents));
    done += items.length;
    if (!(await progress(Math.min(done, job.total)))) return null;
    if (items.length < EXPORT_CHUNK) break;
  }
  if (done === 0) throw new Error(`batch ${batch.id} has no letter in the job's jurisdiction`);
  const title = `${batch.year}年度责任书-${batch.issuerUnitName}`;
  return { file: pdf.finish({ title }), fileName: `${title}.pdf` };
};
