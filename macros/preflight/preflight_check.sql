{#- Pre-flight check, run as dbt_project.yml's on-run-start hook before anything builds.

    Every source table the selected nodes read (directly, or through a selected model's dependencies)
    must exist in the catalog and carry every column declared for it in its sources YAML. Otherwise the
    run stops with one message naming every missing table and column, and what to set: the refresh-date
    var of the source (e.g. ecms_refresh_date), the schema vars (sail_project, source_schema,
    reference_schema) or the connection's environment variables (CAFCASS_RAW_DB, SAIL_DB2_*).
    A Stata-style silent merge against a missing or renamed table therefore never happens.

    Skipped (with a log line) when var preflight_check is false, on the db2_offline target (it never
    connects), under --no-introspect, and for commands that build nothing. It queries the catalog only,
    once per database, through the dispatch macro preflight_catalog_columns_sql (macros/cross_db/catalog.sql).

    The refresh-date var of a source is its meta `refresh_date_var` if set, else `<source>_refresh_date`
    or `<first word of source>_refresh_date` (ecms_ref -> ecms_refresh_date), when the table name ends in
    that var's value. -#}
{% macro preflight_check() -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set skip_reason = cafcass.preflight_skip_reason() -%}
    {%- if skip_reason -%}
        {{ log('Pre-flight check of the source tables skipped: ' ~ skip_reason, info=true) }}
        {{ return('') }}
    {%- endif -%}

    {%- set nodes = cafcass.preflight_sources_in_use() -%}
    {%- if nodes | length == 0 -%}
        {{ log('Pre-flight check: the selected nodes read no source tables', info=true) }}
        {{ return('') }}
    {%- endif -%}

    {#- database -> [schemas]: one catalog query per database -#}
    {%- set schemas_by_db = {} -%}
    {%- for node in nodes -%}
        {%- set db = node.database or '' -%}
        {%- if db not in schemas_by_db -%}
            {%- do schemas_by_db.update({db: []}) -%}
        {%- endif -%}
        {%- if node.schema | upper not in schemas_by_db[db] -%}
            {%- do schemas_by_db[db].append(node.schema | upper) -%}
        {%- endif -%}
    {%- endfor -%}

    {#- 'DB|SCHEMA.TABLE' -> [columns]; 'DB|SCHEMA' -> [tables] -#}
    {%- set columns_by_table = {} -%}
    {%- set tables_by_schema = {} -%}
    {%- for db, schemas in schemas_by_db.items() -%}
        {%- set result = run_query(cafcass.preflight_catalog_columns_sql(db, schemas)) -%}
        {%- for row in result.rows -%}
            {%- set schema_key = (db | upper) ~ '|' ~ row[0] -%}
            {%- set table_key = schema_key ~ '.' ~ row[1] -%}
            {%- if table_key not in columns_by_table -%}
                {%- do columns_by_table.update({table_key: []}) -%}
                {%- if schema_key not in tables_by_schema -%}
                    {%- do tables_by_schema.update({schema_key: []}) -%}
                {%- endif -%}
                {%- do tables_by_schema[schema_key].append(row[1]) -%}
            {%- endif -%}
            {%- do columns_by_table[table_key].append(row[2]) -%}
        {%- endfor -%}
    {%- endfor -%}

    {%- set missing_tables = [] -%}
    {%- set missing_columns = [] -%}
    {%- set hints = [] -%}
    {%- set ns = namespace(n_columns=0) -%}
    {%- for node in nodes -%}
        {%- set db = node.database or '' -%}
        {%- set schema_key = (db | upper) ~ '|' ~ (node.schema | upper) -%}
        {%- set table_key = schema_key ~ '.' ~ (node.identifier | upper) -%}
        {%- set where = ((db ~ '.') if db else '') ~ node.schema ~ '.' ~ node.identifier -%}
        {%- set label = where ~ ' (source ' ~ node.source_name ~ '.' ~ node.name ~ ')' -%}
        {%- set refresh_var = cafcass.preflight_refresh_var(node) -%}
        {%- if refresh_var -%}
            {%- set refresh_value = var(refresh_var) | string -%}
            {%- if not modules.re.fullmatch('(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])', refresh_value) -%}
                {%- set hint = "var " ~ refresh_var ~ " is '" ~ refresh_value ~ "': it must be a refresh date written YYYYMMDD, e.g. --vars '{" ~ refresh_var ~ ": \"20240111\"}'" -%}
                {%- if hint not in hints -%}{%- do hints.append(hint) -%}{%- endif -%}
            {%- endif -%}
        {%- endif -%}
        {%- if table_key not in columns_by_table -%}
            {%- do missing_tables.append(label) -%}
            {%- if schema_key not in tables_by_schema -%}
                {%- set hint = "schema " ~ node.schema ~ " has no tables" ~ ((" in catalog " ~ db) if db else "") ~ ": set " ~ cafcass.preflight_schema_hint(node.schema) ~ "; " ~ cafcass.preflight_connection_hint() -%}
            {%- elif refresh_var -%}
                {%- set hint = cafcass.preflight_refresh_hint(node, refresh_var, tables_by_schema[schema_key]) -%}
            {%- else -%}
                {%- set hint = "source " ~ node.source_name ~ ": tables missing from schema " ~ node.schema ~ ": check the table names in its sources YAML, " ~ cafcass.preflight_schema_hint(node.schema) ~ ", and that the extract includes them" -%}
            {%- endif -%}
            {%- if hint not in hints -%}{%- do hints.append(hint) -%}{%- endif -%}
        {%- else -%}
            {%- set absent = [] -%}
            {%- for column in node.columns.values() -%}
                {%- set ns.n_columns = ns.n_columns + 1 -%}
                {%- if column.name | upper not in columns_by_table[table_key] -%}
                    {%- do absent.append(column.name | upper) -%}
                {%- endif -%}
            {%- endfor -%}
            {%- if absent -%}
                {%- do missing_columns.append(label ~ ': ' ~ absent | join(', ')) -%}
                {%- set hint = "columns missing from existing tables: the extract's layout differs from the declared one" ~ ((" (check var " ~ refresh_var ~ ", now '" ~ var(refresh_var) ~ "')") if refresh_var else "") ~ "; if SAIL changed the layout, update the source YAML and its staging models" -%}
                {%- if hint not in hints -%}{%- do hints.append(hint) -%}{%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endfor -%}

    {%- if missing_tables or missing_columns or hints -%}
        {%- set lines = ["Pre-flight check failed: the raw source tables do not match their declared sources, so nothing was built."] -%}
        {%- if missing_tables -%}
            {%- do lines.append("Missing tables (" ~ missing_tables | length ~ " of " ~ nodes | length ~ "):") -%}
            {%- for t in missing_tables -%}{%- do lines.append("  - " ~ t) -%}{%- endfor -%}
        {%- endif -%}
        {%- if missing_columns -%}
            {%- do lines.append("Missing columns:") -%}
            {%- for c in missing_columns -%}{%- do lines.append("  - " ~ c) -%}{%- endfor -%}
        {%- endif -%}
        {%- do lines.append("What to set:") -%}
        {%- for h in hints -%}{%- do lines.append("  - " ~ h) -%}{%- endfor -%}
        {%- do lines.append("To run without this check (not recommended): --vars '{preflight_check: false}'.") -%}
        {{ exceptions.raise_compiler_error(lines | join("\n")) }}
    {%- endif -%}
    {{ log('Pre-flight check passed: ' ~ nodes | length ~ ' source tables with their ' ~ ns.n_columns ~ ' declared columns exist', info=true) }}
    {{ return('') }}
{%- endmacro %}


{#- Why the check does not run now, or '' when it should. -#}
{% macro preflight_skip_reason() -%}
    {%- set enabled = var('preflight_check', true) -%}
    {%- if enabled is string -%}
        {%- set enabled = (enabled | trim | lower) not in ('false', '0', 'no', 'off', '') -%}
    {%- endif -%}
    {%- if not enabled -%}
        {{ return('var preflight_check is false') }}
    {%- endif -%}
    {%- if target.name == 'db2_offline' -%}
        {{ return('target db2_offline never connects to a database') }}
    {%- endif -%}
    {%- if flags.INTROSPECT is defined and flags.INTROSPECT is sameas false -%}
        {{ return('--no-introspect') }}
    {%- endif -%}
    {%- if flags.WHICH in ('parse', 'compile', 'docs', 'generate', 'list', 'ls', 'show', 'debug', 'run-operation', 'clean', 'deps') -%}
        {{ return('dbt ' ~ flags.WHICH ~ ' builds nothing') }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}


{#- The source nodes (graph.sources values) that the selected resources read, sorted by unique id. -#}
{% macro preflight_sources_in_use() -%}
    {%- set ids = [] -%}
    {%- for uid in selected_resources -%}
        {%- if uid.startswith('source.') and uid not in ids -%}
            {%- do ids.append(uid) -%}
        {%- endif -%}
        {%- set node = graph.nodes.get(uid) -%}
        {%- if node -%}
            {%- for dep in node.depends_on.nodes -%}
                {%- if dep.startswith('source.') and dep not in ids -%}
                    {%- do ids.append(dep) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {%- set out = [] -%}
    {%- for uid in ids | sort -%}
        {%- if uid in graph.sources -%}
            {%- do out.append(graph.sources[uid]) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(out) }}
{%- endmacro %}


{#- Name of the var whose value ends the table's name (its refresh date), or none. -#}
{% macro preflight_refresh_var(node) -%}
    {%- set meta = node.get('meta') or {} -%}
    {%- set source_meta = node.get('source_meta') or {} -%}
    {%- set candidates = [] -%}
    {%- for explicit in [meta.get('refresh_date_var'), source_meta.get('refresh_date_var')] -%}
        {%- if explicit -%}{%- do candidates.append(explicit) -%}{%- endif -%}
    {%- endfor -%}
    {%- do candidates.append(node.source_name ~ '_refresh_date') -%}
    {%- do candidates.append(node.source_name.split('_')[0] ~ '_refresh_date') -%}
    {%- for name in candidates -%}
        {%- set value = var(name, none) -%}
        {%- if value is not none and (value | string) and (node.identifier | upper).endswith(value | string | upper) -%}
            {{ return(name) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}


{#- For a missing table named <prefix><refresh date>: the refresh dates the schema does hold it for. -#}
{% macro preflight_refresh_hint(node, refresh_var, tables_in_schema) -%}
    {%- set value = var(refresh_var) | string -%}
    {%- set prefix = (node.identifier | upper)[:(node.identifier | length) - (value | length)] -%}
    {%- set dates = [] -%}
    {%- for t in tables_in_schema | sort -%}
        {%- set suffix = t[(prefix | length):] -%}
        {%- if t.startswith(prefix) and modules.re.fullmatch('[0-9]{8}', suffix) and suffix not in dates -%}
            {%- do dates.append(suffix) -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if dates -%}
        {{ return("var " ~ refresh_var ~ " is '" ~ value ~ "', but the tables exist for refresh date(s) " ~ dates | join(', ') ~ ": run with --vars '{" ~ refresh_var ~ ": \"" ~ dates | last ~ "\"}' (or set it in dbt_project.yml)") }}
    {%- endif -%}
    {{ return("source " ~ node.source_name ~ ": tables for refresh date '" ~ value ~ "' missing from schema " ~ node.schema ~ ": check var " ~ refresh_var ~ ", " ~ cafcass.preflight_schema_hint(node.schema) ~ ", and that the extract includes them") }}
{%- endmacro %}


{#- Which var names this schema. -#}
{% macro preflight_schema_hint(schema) -%}
    {%- set s = schema | upper -%}
    {%- if var('source_schema', '') and s == (var('source_schema') | upper) -%}
        {{ return("var source_schema (now '" ~ var('source_schema') ~ "')") }}
    {%- elif s == ('SAIL' ~ var('sail_project', '') ~ 'V') | upper -%}
        {{ return("var sail_project (now '" ~ var('sail_project') ~ "'; reads schema SAIL<project>V) or var source_schema") }}
    {%- elif var('reference_schema', '') and s == (var('reference_schema') | upper) -%}
        {{ return("var reference_schema (now '" ~ var('reference_schema') ~ "')") }}
    {%- endif -%}
    {{ return("the schema of this source in its sources YAML") }}
{%- endmacro %}


{#- Which environment variables choose the database the sources are read from. -#}
{% macro preflight_connection_hint() -%}
    {%- if target.type == 'duckdb' -%}
        {%- set raw_db = env_var('CAFCASS_RAW_DB', '') -%}
        {{ return("environment variable CAFCASS_RAW_DB must name the DuckDB file holding the raw tables (now " ~ ("'" ~ raw_db ~ "'" if raw_db else "not set, so data/raw/cafcass_raw.duckdb") ~ "; attached as catalog '" ~ var('raw_database', 'raw') ~ "')") }}
    {%- endif -%}
    {{ return("environment variables SAIL_DB2_DSN or SAIL_DB2_HOST/SAIL_DB2_DATABASE choose the database, and SAIL_DB2_USER must be allowed to read the schema") }}
{%- endmacro %}
