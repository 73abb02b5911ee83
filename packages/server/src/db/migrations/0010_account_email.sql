-- Optional email for duty notifications (issue 3 §3): an account with an address receives the
-- due-soon and overdue notifications by SMTP as well, when the server has ZONGZHI_SMTP_URL.
-- The CHECK is a plain shape test (one @, a dot in the domain, no spaces); the API validates fully.
ALTER TABLE accounts ADD COLUMN email text
  CHECK (email IS NULL OR (length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'));

-- What became of a notification's email: sent at emailed_at, or the last failure's message. Both
-- NULL: no mail was due (no address, no SMTP) or it has not been attempted yet. A failed send
-- never touches the notification itself.
ALTER TABLE notifications ADD COLUMN emailed_at timestamptz;
ALTER TABLE notifications ADD COLUMN email_error text;
