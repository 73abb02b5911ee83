-- Audit ledger protection (等保 2.0: audit records protected from change and deletion).
--
-- audit_log is append-only for everyone who does not own the table's triggers:
--   * INSERT is allowed (writers append inside their own transactions);
--   * UPDATE may only fill in the chain columns (chain_seq, prev_hash, hash), all three at once,
--     and only while they are still empty, which is exactly what the chainer does;
--   * DELETE and TRUNCATE are refused.
-- The application's database role additionally lacks DELETE/TRUNCATE and may UPDATE only the chain
-- columns (docs/operations/audit-db-role.sql). A superuser can still disable these triggers; the
-- hash chain is what makes such tampering visible (`zongzhi audit verify`, GET /audit/verify).

CREATE FUNCTION audit_log_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    RAISE EXCEPTION '审计记录不可删除 / audit records cannot be deleted'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- Compare the whole row except the chain columns, so columns added later are covered too.
  IF (to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'hash')
       IS DISTINCT FROM (to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'hash') THEN
    RAISE EXCEPTION '审计记录内容不可修改 / audit record content cannot be changed (id %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.chain_seq IS NOT NULL OR OLD.prev_hash IS NOT NULL OR OLD.hash IS NOT NULL THEN
    RAISE EXCEPTION '审计记录已入链，不可修改 / audit record is already chained (id %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.chain_seq IS NULL OR NEW.prev_hash IS NULL OR NEW.hash IS NULL THEN
    RAISE EXCEPTION '入链须同时写入 chain_seq、prev_hash、hash / chain_seq, prev_hash and hash are set together (id %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_guard();
