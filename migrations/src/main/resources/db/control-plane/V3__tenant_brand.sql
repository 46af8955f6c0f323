-- The insurer's colour on every page of its interview (null: the platform default).
ALTER TABLE tenant ADD COLUMN brand_colour VARCHAR(7) NULL AFTER display_name;
