-- The chair of a recorded meeting as a person (issue 6 §4). The performance archive counts the
-- meetings a person chaired by this id: two people of the same name no longer share meetings and a
-- renamed person keeps theirs. `meeting_chair` keeps the name as it was recorded, for display.
ALTER TABLE duty_fulfilments ADD COLUMN meeting_chair_person_id bigint REFERENCES people(id);
ALTER TABLE duty_fulfilments ADD CONSTRAINT duty_fulfilments_chair_person_is_meeting
  CHECK (meeting_chair_person_id IS NULL OR kind = 'meeting');
CREATE INDEX duty_fulfilments_chair_person ON duty_fulfilments (meeting_chair_person_id)
  WHERE meeting_chair_person_id IS NOT NULL;

-- Meetings recorded before: the chair's name is linked to a person where exactly one person of that
-- name held a post in the meeting's unit on its date. The others (no holder or namesakes) keep no
-- id and are matched by name in the archive, as before.
UPDATE duty_fulfilments f
   SET meeting_chair_person_id = m.person_id
  FROM (
    SELECT f2.id, min(pe.id) AS person_id
      FROM duty_fulfilments f2
      JOIN duty_occurrences o ON o.id = f2.occurrence_id
      JOIN posts po ON po.unit_id = o.unit_id AND po.start_date <= f2.meeting_date
                   AND (po.end_date IS NULL OR po.end_date > f2.meeting_date)
      JOIN people pe ON pe.id = po.person_id AND pe.name = f2.meeting_chair
     WHERE f2.kind = 'meeting'
     GROUP BY f2.id
    HAVING count(DISTINCT pe.id) = 1
  ) m
 WHERE f.id = m.id;
