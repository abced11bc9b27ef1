=== ddl
CREATE TABLE emp (id serial PRIMARY KEY, name text NOT NULL, dept text, salary numeric(10,2), hired date, active boolean DEFAULT true)
---
CREATE TABLE dept (code text PRIMARY KEY, title text UNIQUE)
---
CREATE INDEX emp_dept_idx ON emp (dept)
---
CREATE UNIQUE INDEX emp_name_idx ON emp (lower(name))
---
ALTER TABLE emp ADD COLUMN note varchar(50)
---
ALTER TABLE emp ALTER COLUMN note SET DEFAULT 'n/a'
---
ALTER TABLE emp ADD CONSTRAINT salary_positive CHECK (salary > 0)
---
COMMENT ON TABLE emp IS 'employees'
---
CREATE VIEW emp_names AS SELECT id, name FROM emp
---
CREATE MATERIALIZED VIEW emp_count AS SELECT count(*) AS n FROM emp
---
CREATE SEQUENCE seq_a START 10 INCREMENT 5
---
SELECT nextval('seq_a'), nextval('seq_a')
---
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')
---
CREATE TABLE feelings (who text, m mood)
---
CREATE DOMAIN posint AS integer CHECK (VALUE > 0)
---
CREATE TABLE dom_t (v posint)
---
INSERT INTO dom_t VALUES (-1)
---
CREATE SCHEMA IF NOT EXISTS other
---
CREATE TABLE other.t (x int)
---
CREATE TABLE IF NOT EXISTS other.t (x int)
---
CREATE TABLE emp (id int)
---
DROP TABLE no_such_table
---
DROP TABLE IF EXISTS no_such_table
---
ALTER TABLE other.t RENAME TO t2
---
SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('public','other') ORDER BY 1, 2
---
SELECT column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_name = 'emp' ORDER BY ordinal_position
---
CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT i + 1 $$
---
SELECT add_one(41)
---
CREATE FUNCTION raise_it(msg text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'custom: %', msg USING ERRCODE = 'P0001'; END $$
---
SELECT raise_it('boom')
---
CREATE PROCEDURE bump(INOUT x int) LANGUAGE plpgsql AS $$ BEGIN x := x + 1; END $$
---
CALL bump(1)
---
CREATE TABLE parted (id int, ds text) PARTITION BY LIST (ds)
---
CREATE TABLE parted_a PARTITION OF parted FOR VALUES IN ('a')
---
INSERT INTO parted VALUES (1, 'a')
---
INSERT INTO parted VALUES (2, 'b')
---
TRUNCATE parted
---
DROP VIEW emp_names
---
DROP MATERIALIZED VIEW emp_count
---
DROP SCHEMA other CASCADE
=== dml
CREATE TABLE emp (id serial PRIMARY KEY, name text NOT NULL, dept text, salary numeric(10,2), hired date, active boolean DEFAULT true)
---
INSERT INTO emp (name, dept, salary, hired) VALUES ('Ann', 'eng', 120.50, '2020-01-02'), ('Bob', 'eng', 99.99, '2019-05-06'), ('Cid', 'ops', 80, '2021-07-08'), ('Dee', 'ops', 81, NULL), ('Eve', NULL, 150, '2018-03-04')
---
INSERT INTO emp (name) VALUES (NULL)
---
INSERT INTO emp (id, name) VALUES (1, 'dup')
---
INSERT INTO emp (name, salary) VALUES ('Zed', 1) RETURNING id, name, salary, active
---
UPDATE emp SET salary = salary * 1.1 WHERE dept = 'eng'
---
UPDATE emp SET salary = salary + 1 WHERE dept = 'none'
---
UPDATE emp SET dept = 'ops' WHERE name = 'Zed' RETURNING name, dept
---
DELETE FROM emp WHERE name = 'Zed'
---
DELETE FROM emp WHERE false
---
INSERT INTO emp (id, name, dept) VALUES (1, 'Ann2', 'x') ON CONFLICT (id) DO UPDATE SET dept = EXCLUDED.dept RETURNING id, name, dept
---
INSERT INTO emp (id, name) VALUES (1, 'ignored') ON CONFLICT DO NOTHING
---
SELECT id, name, dept, salary, hired, active FROM emp ORDER BY id
---
SELECT dept, count(*), sum(salary), avg(salary)::numeric(10,3), min(hired), max(hired) FROM emp GROUP BY dept ORDER BY dept NULLS FIRST
---
SELECT dept, count(*) FROM emp GROUP BY dept HAVING count(*) > 1 ORDER BY 1
---
SELECT name FROM emp WHERE salary BETWEEN 80 AND 100 ORDER BY name
---
SELECT name FROM emp WHERE name LIKE 'A%' OR name ILIKE '%e%' ORDER BY 1
---
SELECT name FROM emp WHERE dept IS NULL
---
SELECT name FROM emp WHERE dept IN ('eng', 'ops') AND NOT active IS FALSE ORDER BY 1
---
SELECT DISTINCT dept FROM emp ORDER BY 1
---
SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, salary DESC
---
SELECT name FROM emp ORDER BY salary DESC NULLS LAST LIMIT 2 OFFSET 1
---
SELECT name FROM emp ORDER BY id FETCH FIRST 2 ROWS ONLY
---
SELECT e.name, d.t FROM emp e JOIN (VALUES ('eng', 'Engineering'), ('ops', 'Operations')) AS d(c, t) ON e.dept = d.c ORDER BY 1
---
SELECT e.name, d.t FROM emp e LEFT JOIN (VALUES ('eng', 'Engineering')) AS d(c, t) ON e.dept = d.c ORDER BY 1
---
SELECT a.name, b.name FROM emp a CROSS JOIN emp b WHERE a.id < b.id AND a.dept = b.dept ORDER BY 1, 2
---
SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM emp x WHERE x.dept = e.dept AND x.id <> e.id) ORDER BY 1
---
SELECT name, (SELECT max(salary) FROM emp) - salary AS gap FROM emp ORDER BY 1
---
SELECT name FROM emp UNION SELECT 'extra' ORDER BY 1
---
SELECT dept FROM emp INTERSECT SELECT 'eng'
---
SELECT dept FROM emp EXCEPT SELECT 'eng' ORDER BY 1
---
SELECT * FROM emp WHERE id = 'abc'
---
SELECT no_such_column FROM emp
---
SELECT * FROM emp e1 JOIN emp e2 USING (nope)
---
UPDATE emp SET salary = -5 WHERE id = 2
---
SELECT count(*) FILTER (WHERE salary > 90) AS rich, count(*) AS all_rows FROM emp
---
SELECT name, CASE WHEN salary > 100 THEN 'high' WHEN salary > 85 THEN 'mid' ELSE 'low' END FROM emp ORDER BY 1
---
SELECT coalesce(dept, '-'), nullif(dept, 'eng'), greatest(1, 5, 3), least('b', 'a') FROM emp ORDER BY 1, 2
=== cte_window
CREATE TABLE sales (region text, month int, amount int)
---
INSERT INTO sales SELECT r, m, (m * 7 + length(r) * 13) % 50 FROM unnest(ARRAY['north','south','east']) r, generate_series(1, 6) m
---
WITH totals AS (SELECT region, sum(amount) AS total FROM sales GROUP BY region) SELECT * FROM totals ORDER BY total DESC, region
---
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0::bigint, 1::bigint UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 30) SELECT n, a FROM fib ORDER BY n
---
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n * 2 FROM t WHERE n < 1000) SELECT sum(n), count(*) FROM t
---
WITH moved AS (DELETE FROM sales WHERE month = 6 RETURNING *) SELECT count(*), sum(amount) FROM moved
---
WITH up AS (UPDATE sales SET amount = amount + 1 WHERE region = 'east' RETURNING amount) SELECT sum(amount) FROM up
---
WITH a AS MATERIALIZED (SELECT region FROM sales), b AS NOT MATERIALIZED (SELECT DISTINCT region FROM a) SELECT * FROM b ORDER BY 1
---
SELECT region, month, amount, sum(amount) OVER (PARTITION BY region ORDER BY month) AS running FROM sales ORDER BY region, month
---
SELECT region, month, rank() OVER w, dense_rank() OVER w, row_number() OVER w FROM sales WINDOW w AS (PARTITION BY region ORDER BY amount DESC, month) ORDER BY region, month
---
SELECT region, month, lag(amount) OVER (PARTITION BY region ORDER BY month), lead(amount, 2, -1) OVER (PARTITION BY region ORDER BY month) FROM sales ORDER BY 1, 2
---
SELECT region, month, first_value(amount) OVER w, last_value(amount) OVER w, nth_value(amount, 2) OVER w FROM sales WINDOW w AS (PARTITION BY region ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY 1, 2
---
SELECT region, month, avg(amount) OVER (PARTITION BY region ORDER BY month ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING)::numeric(10,2) FROM sales ORDER BY 1, 2
---
SELECT region, ntile(2) OVER (ORDER BY region, month), percent_rank() OVER (ORDER BY amount, region, month)::numeric(6,4), cume_dist() OVER (ORDER BY amount, region, month)::numeric(6,4) FROM sales ORDER BY 1, 2, 3
---
SELECT region, month FROM (SELECT region, month, row_number() OVER (PARTITION BY region ORDER BY amount DESC, month) AS rn FROM sales) x WHERE rn = 1 ORDER BY 1
---
SELECT region, string_agg(month::text, ',' ORDER BY month), array_agg(amount ORDER BY month) FROM sales GROUP BY region ORDER BY 1
---
SELECT region, month, sum(amount) FROM sales GROUP BY ROLLUP (region, month) ORDER BY 1 NULLS LAST, 2 NULLS LAST
---
SELECT region, month, count(*) FROM sales GROUP BY GROUPING SETS ((region), (month)) ORDER BY 1 NULLS LAST, 2 NULLS LAST
---
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY amount), mode() WITHIN GROUP (ORDER BY region) FROM sales
---
SELECT region, sum(amount) OVER () FROM sales WHERE month = 1 ORDER BY 1
---
SELECT rank() OVER (ORDER BY nonexistent) FROM sales
---
WITH x AS (SELECT 1) SELECT * FROM y
=== types
SELECT 1::smallint, 2::integer, 3::bigint, 4.5::real, 6.7::double precision, 8.9::numeric, 1e300::float8, 'NaN'::float8, '-Infinity'::float4
---
SELECT 12345678901234567890.123456789::numeric(40,9), (-0.5)::numeric, 0.1 + 0.2
---
SELECT 'text'::text, 'vc'::varchar(5), 'c'::char(3), 'x'::"char", E'tab\there', 'quote''s', 'ünïcødé ✓ 漢字'
---
SELECT true, false, NULL::boolean, 't'::boolean, 'off'::boolean
---
SELECT '2024-02-29'::date, '13:14:15.123456'::time, '13:14:15+02'::timetz, '2024-02-29 13:14:15.123456'::timestamp
---
SELECT '2024-02-29 13:14:15.5+00'::timestamptz AT TIME ZONE 'UTC', '1 year 2 mons 3 days 04:05:06'::interval, date '2024-01-31' + interval '1 month'
---
SELECT 'infinity'::timestamp, '-infinity'::date, '0001-01-01 BC'::date
---
SELECT '\xdeadbeef'::bytea, decode('aGVsbG8=', 'base64'), md5('abc')
---
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, '192.168.0.1/24'::inet, '10.0.0.0/8'::cidr, '08:00:2b:01:02:03'::macaddr
---
SELECT '(1,2)'::point, '[(0,0),(1,1)]'::lseg, '((0,0),(1,1))'::box, '<(0,0),2>'::circle
---
SELECT '[1,5)'::int4range, '[2024-01-01,2024-02-01)'::daterange, int4range(1, 10) @> 5, numrange(1.5, 2.5) && numrange(2, 3)
---
SELECT B'1010', X'FF'::bit(8), B'1010' & B'0110'
---
SELECT 'a fat cat'::tsvector @@ 'cat & fat'::tsquery, to_tsvector('english', 'The quick brown foxes')
---
SELECT 12.34::money
---
SELECT 'abc'::xml
---
SELECT 32768::smallint
---
SELECT 'abc'::int
---
SELECT 1 / 0
---
SELECT '2024-13-01'::date
---
SELECT 1.0 / 3.0, 10 % 3, 2 ^ 10, |/ 16, @ -5, 7 / 2, 7.0 / 2
---
SELECT 'abc' || 'def', upper('abc'), lower('ABC'), initcap('hello world'), length('héllo'), octet_length('héllo')
---
SELECT substring('abcdef' FROM 2 FOR 3), position('c' IN 'abc'), replace('aXbXc', 'X', '-'), split_part('a,b,c', ',', 2), reverse('abc')
---
SELECT trim('  x  '), ltrim('xxa', 'x'), rpad('a', 4, '*'), lpad('7', 3, '0'), repeat('ab', 3), left('hello', 2), right('hello', 2)
---
SELECT regexp_replace('a1b22c333', '[0-9]+', '#', 'g'), regexp_matches('foo123bar', '([a-z]+)([0-9]+)'), 'abc' ~ '^a', 'ABC' ~* 'b'
---
SELECT format('%s-%I-%L', 'x', 'Col', 'it''s'), quote_ident('A b'), quote_literal('O''Hara'), concat_ws('/', 'a', NULL, 'b')
---
SELECT abs(-3), ceil(1.2), floor(-1.2), round(2.555, 2), trunc(9.99), sign(-4), mod(17, 5), power(2, 0.5)::numeric(10,6), sqrt(2)::numeric(10,8)
---
SELECT extract(year FROM date '2024-05-06'), date_part('dow', date '2024-05-06'), date_trunc('month', timestamp '2024-05-06 07:08:09'), to_char(date '2024-05-06', 'YYYY/MM/DD Dy')
---
SELECT to_date('06.05.2024', 'DD.MM.YYYY'), to_timestamp('2024-05-06 07:08', 'YYYY-MM-DD HH24:MI') AT TIME ZONE 'UTC', make_date(2024, 2, 29), age(date '2024-05-06', date '2020-01-01')
---
SELECT cast('42' AS integer) + 1, '7'::numeric * 2, 3::text || 'x', CAST(1.5 AS int), (2.5)::int, (-2.5)::int
---
SELECT generate_series(1, 5), generate_series(10, 1, -4)
---
SELECT * FROM generate_series('2024-01-01'::date, '2024-01-03'::date, '1 day') g
---
SELECT 9223372036854775807::bigint + 1
=== arrays_json
SELECT ARRAY[1,2,3], ARRAY['a','b'], ARRAY[[1,2],[3,4]], '{}'::int[], ARRAY[NULL, 1]
---
SELECT (ARRAY[10,20,30])[2], (ARRAY[10,20,30])[2:3], array_length(ARRAY[1,2,3], 1), cardinality(ARRAY[[1,2],[3,4]])
---
SELECT array_append(ARRAY[1], 2), array_prepend(0, ARRAY[1]), array_cat(ARRAY[1], ARRAY[2,3]), array_remove(ARRAY[1,2,1], 1), array_position(ARRAY['a','b'], 'b')
---
SELECT unnest(ARRAY[3,1,2]) ORDER BY 1
---
SELECT ARRAY[1,2] @> ARRAY[1], ARRAY[1,2] && ARRAY[2,3], 3 = ANY(ARRAY[1,2,3]), 3 > ALL(ARRAY[1,2])
---
SELECT array_to_string(ARRAY['a', NULL, 'c'], ',', '*'), string_to_array('a,b,,c', ','), array_dims(ARRAY[[1],[2]])
---
SELECT ARRAY[1,2] || ARRAY['x']
---
CREATE TABLE docs (id int PRIMARY KEY, body jsonb, raw json, tags text[])
---
INSERT INTO docs VALUES (1, '{"a": 1, "b": {"c": [1, 2, 3]}, "s": "x"}', '{"k": "v", "k": "w"}', '{red,green}'), (2, '{"a": 2, "arr": [{"n": 1}, {"n": 2}]}', '[]', '{}'), (3, 'null', 'null', NULL)
---
SELECT id, body, raw, tags FROM docs ORDER BY id
---
SELECT body -> 'a', body ->> 'a', body #> '{b,c}', body #>> '{b,c,1}', body -> 'missing' FROM docs ORDER BY id
---
SELECT id FROM docs WHERE body @> '{"a": 1}' OR body ? 'arr' ORDER BY id
---
SELECT jsonb_build_object('x', 1, 'y', ARRAY[1,2]), json_build_array(1, 'two', NULL), jsonb_typeof(body) FROM docs ORDER BY id
---
SELECT jsonb_pretty('{"a":[1,{"b":2}]}'::jsonb)
---
SELECT key, value FROM docs, jsonb_each(body) WHERE id = 1 ORDER BY key
---
SELECT jsonb_array_elements(body -> 'arr') ->> 'n' FROM docs WHERE id = 2
---
SELECT jsonb_agg(id ORDER BY id), json_object_agg(id, tags) FROM docs
---
SELECT body || '{"new": true}'::jsonb, body - 'a', jsonb_set(body, '{a}', '99') FROM docs WHERE id = 1
---
SELECT * FROM jsonb_to_record('{"a": 1, "b": "x"}'::jsonb) AS t(a int, b text)
---
SELECT jsonb_path_query(body, '$.b.c[*] ? (@ > 1)') FROM docs WHERE id = 1
---
SELECT row_to_json(d) FROM (SELECT 1 AS a, 'b' AS b) d
---
SELECT '{"a": }'::jsonb
---
SELECT tags[1], array_upper(tags, 1) FROM docs ORDER BY id
---
UPDATE docs SET tags = array_append(tags, 'blue') WHERE id = 1 RETURNING tags
---
SELECT to_json('text'::text), to_jsonb(ARRAY[1,2]), '{"a":1}'::json -> 'a'
=== transactions
CREATE TABLE acct (id int PRIMARY KEY, balance int CHECK (balance >= 0))
---
INSERT INTO acct VALUES (1, 100), (2, 50)
---
BEGIN
---
UPDATE acct SET balance = balance - 30 WHERE id = 1
---
UPDATE acct SET balance = balance + 30 WHERE id = 2
---
COMMIT
---
SELECT * FROM acct ORDER BY id
---
BEGIN
---
UPDATE acct SET balance = 0 WHERE id = 1
---
ROLLBACK
---
SELECT * FROM acct ORDER BY id
---
BEGIN
---
SAVEPOINT s1
---
UPDATE acct SET balance = 1 WHERE id = 1
---
SAVEPOINT s2
---
UPDATE acct SET balance = -1 WHERE id = 2
---
SELECT 1
---
ROLLBACK TO SAVEPOINT s2
---
SELECT * FROM acct ORDER BY id
---
RELEASE SAVEPOINT s1
---
COMMIT
---
SELECT * FROM acct ORDER BY id
---
BEGIN ISOLATION LEVEL SERIALIZABLE
---
SHOW transaction_isolation
---
SET LOCAL statement_timeout = '5s'
---
SHOW statement_timeout
---
COMMIT
---
SHOW statement_timeout
---
COMMIT
---
BEGIN READ ONLY
---
INSERT INTO acct VALUES (3, 1)
---
ROLLBACK
---
SET search_path = public
---
SHOW search_path
---
RESET search_path
---
SET application_name = 'fidelity'
---
SELECT current_setting('application_name')
---
SET no_such_setting = 1
---
SELECT set_config('my.custom', 'v', false), current_setting('my.custom')
---
LOCK TABLE acct IN SHARE MODE
---
DO $$ BEGIN PERFORM 1; END $$
---
DO $$ BEGIN RAISE NOTICE 'note'; END $$
---
EXPLAIN (COSTS OFF) SELECT * FROM acct WHERE id = 1
---
PREPARE q(int) AS SELECT balance FROM acct WHERE id = $1
---
EXECUTE q(2)
---
DEALLOCATE q
---
EXECUTE q(2)
---
DECLARE c CURSOR FOR SELECT 1
---
BEGIN
---
DECLARE c CURSOR FOR SELECT g FROM generate_series(1, 10) g
---
FETCH 3 FROM c
---
MOVE 2 IN c
---
FETCH NEXT FROM c
---
CLOSE c
---
COMMIT
---
VACUUM acct
---
ANALYZE acct
---
SELECT 1; SELECT 2
---
INSERT INTO acct VALUES (10, 1); INSERT INTO acct VALUES (11, 2); SELECT count(*) FROM acct
---
SELECT 1; SELECT 1/0; SELECT 3
---
COPY acct TO STDOUT
