-- Hologres simulator bootstrap, run in template1 and postgres of each simulator instance
-- (databases created later inherit it from template1). Internal objects live in schema hg_sim.
CREATE SCHEMA hg_sim;
CREATE SCHEMA hologres;

CREATE TABLE hg_sim.instance (
    version text NOT NULL,
    version_parts int[] NOT NULL,
    backend_configuration boolean NOT NULL
);

CREATE TABLE hg_sim.projects (
    project_name text PRIMARY KEY,
    encryption text NOT NULL CHECK (encryption IN ('NONE', 'BYOK', 'DEFAULT_KEY')),
    key_id text
);

-- MaxCompute foreign tables: a wrapper without handler or validator, so that the Hologres options
-- (project_name, table_name) are accepted and kept verbatim. Reads are rewritten by the simulator's
-- wire proxy into checked reads of the store (schema hg_sim_mc_<project>).
CREATE FOREIGN DATA WRAPPER odps_fdw;
CREATE SERVER odps_server FOREIGN DATA WRAPPER odps_fdw;
-- Any role may use the simulator's internals; privileges on the foreign tables themselves are checked on read.
GRANT USAGE ON FOREIGN SERVER odps_server TO PUBLIC;
GRANT USAGE ON SCHEMA hg_sim, hologres TO PUBLIC;
GRANT SELECT ON hg_sim.instance, hg_sim.projects TO PUBLIC;

CREATE FUNCTION hg_sim.raise_error(p_code text, p_message text) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    RAISE EXCEPTION USING ERRCODE = p_code, MESSAGE = p_message;
END $$;

CREATE FUNCTION hg_sim.parse_bool(p_value text, p_default boolean) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF p_value IS NULL OR p_value = '' THEN
        RETURN p_default;
    END IF;
    RETURN p_value::boolean;
EXCEPTION WHEN others THEN
    RETURN p_default;
END $$;

-- The read rule of the seed. Runs once per scan of a foreign table (as an InitPlan one-time filter),
-- with the settings of the current session. Reports the engine to the proxy with a private NOTICE
-- (swallowed by the proxy, so clients never see it), then raises the pangu error if the read fails.
CREATE FUNCTION hg_sim.read_check(p_project text, p_table text) RETURNS boolean
LANGUAGE plpgsql VOLATILE
SET client_min_messages = notice
AS $$
DECLARE
    v_parts int[];
    v_backend boolean;
    v_enc text;
    v_routing text := '';
    v_common boolean := false;
    v_engine text;
    v_ok boolean;
BEGIN
    SELECT i.version_parts, i.backend_configuration INTO v_parts, v_backend FROM hg_sim.instance i;
    SELECT p.encryption INTO v_enc FROM hg_sim.projects p WHERE p.project_name = p_project;
    IF v_enc IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'XX000',
            MESSAGE = format('odps project %s does not exist or is not accessible', p_project);
    END IF;
    IF v_parts >= ARRAY[3, 2, 0] THEN
        v_routing := coalesce(current_setting('hg.experimental_external_catalog_routing', true), '');
        v_common := EXISTS (
            SELECT 1 FROM unnest(string_to_array(lower(regexp_replace(v_routing, '\s', '', 'g')), ',')) AS e(item)
            WHERE e.item = 'odps:common_table');
    END IF;
    IF v_common THEN
        v_engine := 'COMMON_TABLE';
    ELSIF hg_sim.parse_bool(current_setting('hg.experimental_enable_access_odps_orc_via_holo', true), true) THEN
        v_engine := 'HQE';
    ELSE
        v_engine := 'SQE';
    END IF;
    v_ok := CASE
        WHEN v_enc = 'NONE' THEN true
        WHEN v_engine = 'COMMON_TABLE' THEN true
        WHEN v_enc = 'BYOK' AND v_engine = 'SQE' THEN
            v_parts >= ARRAY[1, 3, 31] OR (v_parts >= ARRAY[1, 1, 0] AND v_backend)
        ELSE false
    END;
    RAISE NOTICE '%', concat_ws(chr(31), 'hg_sim:read', current_database(), p_project, p_table,
        v_enc, v_engine, CASE WHEN v_ok THEN 'ok' ELSE 'failed' END, pg_backend_pid()::text, current_query());
    IF NOT v_ok THEN
        RAISE EXCEPTION USING ERRCODE = 'XX000', MESSAGE = format(
            'status { code: SERVER_INTERNAL_ERROR message: "hos_exception: IO error: Failed to execute pangu open normal file pangu://hologres-sim:10240/product/odps/%s/data/%s/part-00000.cfile, errorcode: 9, errorcode_description: invalid argument, err_msg: PanguParameterInvalidException" }',
            p_project, p_table);
    END IF;
    RETURN true;
END $$;

-- A read of foreign table p_rel, as PostgreSQL resolved the name the client wrote ('name'::regclass, with the
-- session's search_path; in a view the regclass constant also records the dependency). p_expected is the table
-- whose store rows the simulator spliced in; the project and table come from the catalog at read time.
CREATE FUNCTION hg_sim.read_check(p_rel regclass, p_expected oid) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_project text;
    v_table text;
BEGIN
    -- p_expected 0: a table created earlier in the same query string, not yet known by oid.
    IF p_rel::oid <> p_expected AND p_expected <> 0 THEN
        RAISE EXCEPTION USING ERRCODE = '0A000', MESSAGE = format(
            'holo-sim: %s is not the MaxCompute foreign table %s the simulator chose for this name under the'
            ' search_path it saw; schema-qualify the name', p_rel, p_expected::regclass);
    END IF;
    IF NOT has_table_privilege(p_rel, 'SELECT') THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('permission denied for foreign table %s',
            (SELECT c.relname FROM pg_class c WHERE c.oid = p_rel));
    END IF;
    SELECT lower(max(o.option_value) FILTER (WHERE o.option_name = 'project_name')),
           lower(max(o.option_value) FILTER (WHERE o.option_name = 'table_name'))
      INTO v_project, v_table
      FROM pg_foreign_table ft, pg_options_to_table(ft.ftoptions) o WHERE ft.ftrelid = p_rel;
    IF v_project IS NULL OR v_table IS NULL
            OR to_regclass(format('%I.%I', 'hg_sim_mc_' || v_project, v_table)) IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = 'XX000',
            MESSAGE = format('odps table %s.%s does not exist', v_project, v_table);
    END IF;
    RETURN hg_sim.read_check(v_project, v_table);
END $$;

-- The MaxCompute foreign tables (server odps_server) as the simulator's rewriter needs them; p_oid NULL = all.
CREATE FUNCTION hg_sim.foreign_tables(p_oid oid)
RETURNS TABLE (schema_name text, table_name text, project text, mc_table text, select_list text,
               null_list text, store_exists boolean, rel oid)
LANGUAGE sql STABLE AS $$
    SELECT n.nspname::text, c.relname::text, lower(po.v), lower(pt.v),
        (SELECT string_agg(format('CAST(%I AS %s) AS %I', a.attname, format_type(a.atttypid, a.atttypmod), a.attname),
                           ', ' ORDER BY a.attnum)
           FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
        (SELECT string_agg(format('CAST(NULL AS %s) AS %I', format_type(a.atttypid, a.atttypmod), a.attname),
                           ', ' ORDER BY a.attnum)
           FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
        CASE WHEN po.v IS NULL OR pt.v IS NULL THEN false
             ELSE to_regclass(format('%I.%I', 'hg_sim_mc_' || lower(po.v), lower(pt.v))) IS NOT NULL END,
        c.oid
    FROM pg_foreign_table ft
    JOIN pg_class c ON c.oid = ft.ftrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_foreign_server s ON s.oid = ft.ftserver
    LEFT JOIN LATERAL (SELECT o.option_value FROM pg_options_to_table(ft.ftoptions) o
                       WHERE o.option_name = 'project_name') po(v) ON true
    LEFT JOIN LATERAL (SELECT o.option_value FROM pg_options_to_table(ft.ftoptions) o
                       WHERE o.option_name = 'table_name') pt(v) ON true
    WHERE s.srvname = 'odps_server' AND (p_oid IS NULL OR c.oid = p_oid)
$$;

-- Foreign-table DDL is reported to the proxy as it happens (private NOTICEs, swallowed by the proxy), so that
-- a foreign table created or dropped in a still-open transaction is known to that session at once.
CREATE FUNCTION hg_sim.on_ddl_end() RETURNS event_trigger
LANGUAGE plpgsql SET client_min_messages = notice AS $$
DECLARE
    r record;
    f record;
BEGIN
    FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'foreign table' LOOP
        FOR f IN SELECT * FROM hg_sim.foreign_tables(r.objid) LOOP
            RAISE NOTICE '%', concat_ws(chr(31), 'hg_sim:ft', f.schema_name, f.table_name, coalesce(f.project, ''),
                coalesce(f.mc_table, ''), coalesce(f.select_list, ''), coalesce(f.null_list, ''),
                f.store_exists::text, f.rel::text);
        END LOOP;
    END LOOP;
END $$;
CREATE EVENT TRIGGER hg_sim_ddl_end ON ddl_command_end EXECUTE FUNCTION hg_sim.on_ddl_end();

CREATE FUNCTION hg_sim.on_sql_drop() RETURNS event_trigger
LANGUAGE plpgsql SET client_min_messages = notice AS $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT o.schema_name, o.object_name FROM pg_event_trigger_dropped_objects() o
             WHERE o.object_type = 'foreign table' LOOP
        RAISE NOTICE '%', concat_ws(chr(31), 'hg_sim:drop', r.schema_name, r.object_name);
    END LOOP;
END $$;
CREATE EVENT TRIGGER hg_sim_sql_drop ON sql_drop EXECUTE FUNCTION hg_sim.on_sql_drop();

-- IMPORT FOREIGN SCHEMA <project> [LIMIT TO | EXCEPT (...)] FROM SERVER odps_server INTO <schema>
-- [OPTIONS (if_table_exist 'error' | 'ignore' | 'update')]
CREATE FUNCTION hg_sim.import_foreign_schema(p_project text, p_into text, p_limit text[], p_except text[],
                                             p_if_exists text) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    r record;
    v_cols text;
    v_store name := 'hg_sim_mc_' || p_project;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM hg_sim.projects p WHERE p.project_name = p_project) THEN
        RAISE EXCEPTION USING ERRCODE = 'XX000',
            MESSAGE = format('odps project %s does not exist or is not accessible', p_project);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = p_into) THEN
        RAISE EXCEPTION USING ERRCODE = '3F000', MESSAGE = format('schema "%s" does not exist', p_into);
    END IF;
    FOR r IN
        SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = v_store AND c.relkind IN ('r', 'v', 'p')
          AND (p_limit IS NULL OR c.relname = ANY (p_limit))
          AND (p_except IS NULL OR NOT c.relname = ANY (p_except))
        ORDER BY c.relname
    LOOP
        SELECT string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', ' ORDER BY a.attnum)
          INTO v_cols
          FROM pg_attribute a WHERE a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped;
        IF to_regclass(format('%I.%I', p_into, r.relname)) IS NOT NULL THEN
            IF p_if_exists = 'ignore' THEN
                CONTINUE;
            ELSIF p_if_exists = 'update' THEN
                EXECUTE format('DROP FOREIGN TABLE %I.%I', p_into, r.relname);
            ELSE
                RAISE EXCEPTION USING ERRCODE = '42P07', MESSAGE = format('relation "%s" already exists', r.relname);
            END IF;
        END IF;
        EXECUTE format('CREATE FOREIGN TABLE %I.%I (%s) SERVER odps_server OPTIONS (project_name %L, table_name %L)',
                       p_into, r.relname, v_cols, p_project, r.relname);
    END LOOP;
END $$;

-- Engine visibility in SQL, like Hologres' hologres.hg_query_log: one row per foreign-table read,
-- written by the simulator outside the reading transaction (so it survives ROLLBACK).
CREATE TABLE hologres.hg_query_log (
    query_id bigserial PRIMARY KEY,
    query_start timestamptz NOT NULL,
    datname name,
    usename name,
    query text,
    engine_type text[],
    status text,
    project_name text,
    table_name text,
    encryption text
);
GRANT SELECT ON hologres.hg_query_log TO PUBLIC;

-- pg_settings lists the Hologres settings of this version (PostgreSQL hides placeholder settings, so the view
-- is extended; its UPDATE rule, set_config, keeps working). The source of a placeholder's value is not known to
-- PostgreSQL: 'default' when it equals the server default, else 'session'.
SET allow_system_table_mods = on;
CREATE OR REPLACE VIEW pg_catalog.pg_settings AS
    SELECT * FROM pg_show_all_settings()
    UNION ALL
    SELECT s.name, current_setting(s.name, true), NULL::text, 'Customized Options'::text, s.short_desc,
           NULL::text, 'user'::text, s.vartype, CASE WHEN current_setting(s.name, true) IS NOT DISTINCT FROM
           s.boot_val THEN 'default' ELSE 'session' END::text, NULL::text, NULL::text, NULL::text[], s.boot_val,
           s.boot_val, NULL::text, NULL::integer, false
    FROM (VALUES
        ('hg.experimental_enable_access_odps_orc_via_holo', 'bool', 'true', ARRAY[0, 0, 0],
         'Reads MaxCompute foreign tables with HQE (true) or SQE (false).'),
        ('hg.experimental_external_catalog_routing', 'string', '', ARRAY[3, 2, 0],
         'Engine per external catalog, e.g. odps:common_table,dlf:hqe.')) AS s(name, vartype, boot_val, since,
                                                                               short_desc)
    WHERE (SELECT i.version_parts >= s.since FROM hg_sim.instance i);
RESET allow_system_table_mods;

-- The foreign tables an IMPORT FOREIGN SCHEMA will create (same arguments as hg_sim.import_foreign_schema), for
-- the statements the proxy rewrites before the import has run (same query string or pipelined messages).
CREATE FUNCTION hg_sim.import_preview(p_project text, p_into text, p_limit text[], p_except text[], p_if_exists text)
RETURNS TABLE (schema_name text, table_name text, project text, select_list text, null_list text)
LANGUAGE sql STABLE AS $$
    SELECT p_into, c.relname::text, p_project,
        string_agg(format('CAST(%I AS %s) AS %I', a.attname, format_type(a.atttypid, a.atttypmod), a.attname),
                   ', ' ORDER BY a.attnum),
        string_agg(format('CAST(NULL AS %s) AS %I', format_type(a.atttypid, a.atttypmod), a.attname),
                   ', ' ORDER BY a.attnum)
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'hg_sim_mc_' || p_project AND c.relkind IN ('r', 'v', 'p')
      AND (p_limit IS NULL OR c.relname = ANY (p_limit))
      AND (p_except IS NULL OR NOT c.relname = ANY (p_except))
    GROUP BY c.relname
$$;
