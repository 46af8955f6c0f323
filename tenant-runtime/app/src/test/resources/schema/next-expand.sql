-- What a later release's expand steps may do to the schema (add nullable or defaulted columns, add
-- tables, add indexes), applied to a schema this runtime's build predates: a rollout's expand-schema
-- step runs while the tenant's previous runtime still serves.
ALTER TABLE case_file ADD COLUMN product VARCHAR(64) NULL;
ALTER TABLE case_decision ADD COLUMN decided_by VARCHAR(100) NOT NULL DEFAULT 'engine';
ALTER TABLE evidence_request ADD COLUMN provider VARCHAR(64) NULL;
CREATE TABLE case_attachment (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, case_id CHAR(22) NOT NULL, body TEXT NOT NULL) ENGINE = InnoDB;
CREATE INDEX ix_case_product ON case_file (product, created_at);
