-- The archive access log is append-only, like the audit log.
CREATE TRIGGER archive_access_log_no_update BEFORE UPDATE OR DELETE ON archive_access_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();
--> statement-breakpoint
CREATE TRIGGER archive_access_log_no_truncate BEFORE TRUNCATE ON archive_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
