-- A broker user is either a tenant's runtime (all of undersign.<tenant>.>) or the tenant's
-- evidence provider (reads its requests, writes its results, nothing else).
ALTER TABLE broker_user ADD COLUMN role VARCHAR(24) NOT NULL DEFAULT 'runtime';
