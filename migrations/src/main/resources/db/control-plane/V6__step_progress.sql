-- What a long step is doing right now (e.g. Terraform's latest resource message), for operators.
ALTER TABLE operation_step ADD COLUMN progress VARCHAR(500) NULL;
