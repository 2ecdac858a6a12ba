{#- Catalog query for the pre-flight check (macros/preflight/preflight_check.sql): one row per column of
    every table or view in the given schemas, as upper-case table_schema, table_name, column_name.
    Unquoted identifiers are upper case on DB2 and case-insensitive on DuckDB, so names compare upper-cased.
    database: the catalog holding the schemas (DuckDB: the attached raw file's alias; ignored on DB2, where
    one connection sees one database). schemas: a list of schema names. -#}
{% macro preflight_catalog_columns_sql(database, schemas) -%}
    {{ return(adapter.dispatch('preflight_catalog_columns_sql', 'cafcass')(database, schemas)) }}
{%- endmacro %}

{#- DuckDB (and other information_schema engines): information_schema lists every attached catalog. -#}
{% macro default__preflight_catalog_columns_sql(database, schemas) -%}
    select
        upper(c.table_schema) as table_schema,
        upper(c.table_name) as table_name,
        upper(c.column_name) as column_name
    from information_schema.columns as c
    where
        upper(c.table_catalog) = upper('{{ database | replace("'", "''") }}')
        and upper(c.table_schema) in (
            {%- for s in schemas %}'{{ s | upper | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor -%}
        )
{%- endmacro %}

{#- DB2 (SAIL): SYSCAT.COLUMNS covers tables and views; names are stored upper case. -#}
{% macro db2__preflight_catalog_columns_sql(database, schemas) -%}
    select
        rtrim(c.tabschema) as table_schema,
        rtrim(c.tabname) as table_name,
        rtrim(c.colname) as column_name
    from syscat.columns as c
    where
        rtrim(c.tabschema) in (
            {%- for s in schemas %}'{{ s | upper | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor -%}
        )
{%- endmacro %}

{% macro ibmdb2__preflight_catalog_columns_sql(database, schemas) -%}
    {{ cafcass.db2__preflight_catalog_columns_sql(database, schemas) }}
{%- endmacro %}
