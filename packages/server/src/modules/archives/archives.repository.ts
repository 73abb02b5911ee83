import type { Archive } from '@zongzhi/contracts';
import type { Queryable } from '../../db/client';
import type { RoleGrant } from '../../platform/auth/principal';
import { scopePatterns } from '../../platform/auth/principal';
import { listPartyBars } from '../eligibility/eligibility.repository';
import { toBarReason } from '../eligibility/to-bar-reason';
import { listRewards } from '../rewards/rewards.repository';

type ArchivePost = Archive['posts'][number];

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** Principal (党政一把手) and in-charge posts of the person overlapping the year, in units in scope. */
const listLeaderPosts = async (q: Queryable, grants: readonly RoleGrant[], personId: number, year: number) =>
  q.query<{
    unit_id: number;
    unit_name: string;
    post_kind: string;
    title: string;
    from_d: string;
    to_d: string;
  }>(
    `SELECT po.unit_id, u.name AS unit_name, po.post_kind, po.title,
            to_char(GREATEST(po.start_date, make_date($3, 1, 1)), 'YYYY-MM-DD') AS from_d,
            to_char(LEAST(COALESCE(po.end_date, make_date($3 + 1, 1, 1)), make_date($3 + 1, 1, 1)), 'YYYY-MM-DD') AS to_d
       FROM posts po JOIN units u ON u.id = po.unit_id
      WHERE po.person_id = $1 AND po.post_kind IN ('party_secretary', 'chief', 'deputy_in_charge')
        AND u.path LIKE ANY($2::text[])
        AND po.start_date < make_date($3 + 1, 1, 1) AND (po.end_date IS NULL OR po.end_date > make_date($3, 1, 1))
      ORDER BY po.start_date, po.id`,
    [personId, scopePatterns(grants), year],
  );

const postFacts = async (
  q: Queryable,
  person: { id: number; name: string },
  year: number,
  p: Awaited<ReturnType<typeof listLeaderPosts>>[number],
): Promise<ArchivePost> => {
  const w = [p.unit_id, p.from_d, p.to_d];
  const [duties] = await q.query<{ on_time: number; late: number; open: number }>(
    `SELECT count(*) FILTER (WHERE fulfilled_on IS NOT NULL AND fulfilled_on <= deadline)::int AS on_time,
            count(*) FILTER (WHERE fulfilled_on IS NOT NULL AND fulfilled_on > deadline)::int AS late,
            count(*) FILTER (WHERE fulfilled_on IS NULL AND waived_at IS NULL)::int AS open
       FROM duty_occurrences WHERE unit_id = $1 AND deadline >= $2::date AND deadline < $3::date`,
    w,
  );
  // Meetings the person chaired, by the chair's person id. Only meetings recorded before the chair
  // was recorded as a person (migration 0019: no id, and no single post holder of that name to link
  // them to) are still matched by the name as recorded.
  const meetings = await q.query<{ meeting_date: string; duty: string }>(
    `SELECT f.meeting_date, o.duty_name_zh AS duty
       FROM duty_fulfilments f JOIN duty_occurrences o ON o.id = f.occurrence_id
      WHERE o.unit_id = $1 AND f.kind = 'meeting' AND f.meeting_date >= $2::date AND f.meeting_date < $3::date
        AND (f.meeting_chair_person_id = $4 OR (f.meeting_chair_person_id IS NULL AND f.meeting_chair = $5))
      ORDER BY f.meeting_date, f.id`,
    [...w, person.id, person.name],
  );
  const rect = await q.query<{
    id: number;
    issued_on: string;
    deadline: string;
    state: string;
    accepted_on_time: boolean | null;
  }>(
    `SELECT id, issued_on, deadline, state, accepted_on_time FROM rectification_tasks
      WHERE owner_unit_id = $1 AND issued_on >= $2::date AND issued_on < $3::date
        AND (responsible_person_id IS NULL OR responsible_person_id = $4)
      ORDER BY issued_on, id`,
    [...w, person.id],
  );
  const incidents = await q.query<{ id: number; occurred_at: Date; summary: string }>(
    `SELECT id, occurred_at, summary FROM incidents
      WHERE unit_id = $1 AND occurred_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND occurred_at < ($3::date::timestamp AT TIME ZONE 'Asia/Shanghai')
      ORDER BY occurred_at, id`,
    w,
  );
  const [grade] = await q.query<{ grade_id: string | null; score: number | null; rank: number | null }>(
    `SELECT r.grade_id, r.score, r.rank FROM assessment_periods ap
       JOIN assessment_results r ON r.period_id = ap.id AND r.version = ap.version AND r.unit_id = $1
      WHERE ap.kind = 'year' AND ap.period_key = $2 AND ap.status = 'closed'
      ORDER BY ap.closed_at DESC LIMIT 1`,
    [p.unit_id, String(year)],
  );
  return {
    unitId: p.unit_id,
    unitName: p.unit_name,
    role: p.post_kind === 'deputy_in_charge' ? 'in_charge' : 'principal',
    title: p.title,
    from: p.from_d,
    to: p.to_d,
    duties: { onTime: duties?.on_time ?? 0, late: duties?.late ?? 0, open: duties?.open ?? 0 },
    meetingsChaired: meetings.map((m) => ({ date: m.meeting_date, duty: m.duty })),
    rectifications: rect.map((r) => ({
      id: r.id,
      issuedOn: r.issued_on,
      deadline: r.deadline,
      state: r.state,
      onTime: r.accepted_on_time,
    })),
    incidents: incidents.map((i) => ({ id: i.id, occurredAt: iso(i.occurred_at), title: i.summary })),
    grade: grade ? { gradeId: grade.grade_id, score: grade.score, rank: grade.rank } : null,
  };
};

/** The archive of a person (already known to be in scope) for a year, assembled from the facts. */
export const assembleArchive = async (
  q: Queryable,
  grants: readonly RoleGrant[],
  person: { id: number; name: string },
  year: number,
): Promise<Archive> => {
  const posts = await Promise.all(
    (await listLeaderPosts(q, grants, person.id, year)).map((p) => postFacts(q, person, year, p)),
  );
  const letters = await q.query<{
    letter_id: number;
    year: number;
    party: 'issuer' | 'recipient';
    issuer: string;
    recipient: string;
    signed_at: Date;
    targets: number;
  }>(
    `SELECT l.id AS letter_id, l.year, s.party, iu.name AS issuer, ru.name AS recipient, s.signed_at,
            (SELECT count(*)::int FROM letter_targets t WHERE t.letter_id = l.id AND t.version = l.current_version) AS targets
       FROM letter_signatures s
       JOIN letters l ON l.id = s.letter_id AND s.version = l.current_version
       JOIN units iu ON iu.id = l.issuer_unit_id JOIN units ru ON ru.id = l.recipient_unit_id
      WHERE s.person_id = $1 AND s.signed_at IS NOT NULL AND l.year = $2 AND l.live
      ORDER BY s.signed_at, l.id`,
    [person.id, year],
  );
  const bars = (await listPartyBars(q, { kind: 'person', id: person.id })).filter(
    (b) => Number(b.decidedOn.slice(0, 4)) === year,
  );
  const [report] = await q.query<{
    file_name: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_at: Date;
    uploaded_by: string;
  }>(
    `SELECT file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by FROM duty_reports
      WHERE person_id = $1 AND year = $2`,
    [person.id, year],
  );
  return {
    person,
    year,
    posts,
    lettersSigned: letters.map((l) => ({
      letterId: l.letter_id,
      year: l.year,
      party: l.party,
      issuerUnitName: l.issuer,
      recipientUnitName: l.recipient,
      signedAt: iso(l.signed_at),
      targets: l.targets,
    })),
    accountability: bars.map(toBarReason),
    rewards: await listRewards(q, grants, { person: person.id, year }),
    dutyReport: report
      ? {
          fileName: report.file_name,
          contentType: report.content_type,
          sizeBytes: report.size_bytes,
          sha256: report.sha256,
          uploadedAt: iso(report.uploaded_at),
          uploadedBy: report.uploaded_by,
        }
      : null,
  };
};
