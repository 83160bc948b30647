-- 查卷 searches any part of a name, phone or contact. Trigram indexes do not work for Chinese text in
-- the C locale, so names are indexed by their character bigrams (any script, any locale): a query's
-- bigrams must all be present (GIN, fast), then ILIKE confirms the match.
CREATE OR REPLACE FUNCTION text_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(s, i, 2)), '{}'::text[])
  FROM (SELECT lower(coalesce(t, '')) AS s) x, generate_series(1, greatest(length(s) - 1, 0)) AS i
$$;
--> statement-breakpoint
ALTER TABLE customers ADD COLUMN search_grams text[]
  GENERATED ALWAYS AS (text_bigrams(name || ' ' || code || ' ' || coalesce(phone, ''))) STORED;
--> statement-breakpoint
ALTER TABLE customer_contacts ADD COLUMN search_grams text[]
  GENERATED ALWAYS AS (text_bigrams(name || ' ' || coalesce(phone, ''))) STORED;
--> statement-breakpoint
CREATE INDEX customers_search_grams_idx ON customers USING gin (search_grams);
--> statement-breakpoint
CREATE INDEX customer_contacts_search_grams_idx ON customer_contacts USING gin (search_grams);
