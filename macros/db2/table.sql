{#- Tables on DB2 (SAIL): the project's own `table` materialization for IBM's ibm-dbt-db2 adapter
    (type db2), and `create_table_as` for the community dbt-ibmdb2 adapter (type ibmdb2).

    Why not the adapter's own: ibm-dbt-db2 1.0.0's table materialization cuts the compiled SQL at its
    last SELECT whenever it starts with WITH, so a model written with CTEs (every model here) would
    lose its CTEs and fail. It also has no DISTRIBUTE BY / ORGANIZE BY options (its `dist` config
    emits Netezza's `distribute on`).

    What this one runs, using only statement forms every DB2 LUW level documents:
      1. create view <table>__dbt_src as <model SQL>      (a view may start with WITH; a leftover from a
                                                           failed run is dropped first)
      2. drop table <table>                              (only now: a model that does not compile on
                                                           the server leaves the old table in place)
      3. create table <table> as (select * from <table>__dbt_src) with data
             [in <table_space>] [distribute by hash (<keys>)] [organize by row|column]
      4. drop view <table>__dbt_src; commit

    Configs (set in dbt_project.yml or a model's config; other adapters ignore them):
      distribute_by: a column or list of columns hashed to spread rows over SAIL's database partitions,
                     or 'auto' (default for marts): the first of var('db2_distribution_key_candidates')
                     that the model documents in its YAML. No column found: no DISTRIBUTE BY clause,
                     and DB2 picks its default key.
      organize_by:   'row' or 'column'. Unset: the database default.
      table_space:   optional table space name.
    Model contracts are not enforced by this materialization (enforce them on DuckDB only).
    Grants: ibm-dbt-db2 1.0.0's grant macros are written for Netezza; grant with a post-hook instead,
    e.g. post_hook: "grant select on {{ this }} to role <project analyst role>". -#}


{#- The hash key columns for a model: a list (possibly empty). -#}
{% macro db2_distribution_keys(distribute_by, node) -%}
    {%- if distribute_by is none or distribute_by == '' -%}
        {{ return([]) }}
    {%- elif distribute_by is string and distribute_by | lower == 'auto' -%}
        {%- set documented = (node.get('columns') or {}).keys() | map('lower') | list -%}
        {%- for candidate in var('db2_distribution_key_candidates', []) -%}
            {%- if candidate | lower in documented -%}
                {{ return([candidate | lower]) }}
            {%- endif -%}
        {%- endfor -%}
        {{ return([]) }}
    {%- elif distribute_by is string -%}
        {{ return([distribute_by]) }}
    {%- else -%}
        {{ return(distribute_by | list) }}
    {%- endif -%}
{%- endmacro %}


{#- CREATE TABLE ... AS (select_sql) WITH DATA plus the DB2 storage options. DB2 documents a fullselect
    here, which has no WITH: the ibm-dbt-db2 materialization above passes a select from the staging view.
    (dbt-ibmdb2 passes the model SQL, CTEs included, as its own create_table_as always did.) -#}
{% macro db2_create_table_as(relation, select_sql, distribution_keys=[], organize_by=none, table_space=none) -%}
create table {{ relation }} as (
    {{ select_sql }}
) with data
{%- if table_space %}
in {{ table_space }}
{%- endif %}
{%- if distribution_keys %}
distribute by hash ({{ distribution_keys | join(', ') }})
{%- endif %}
{%- if organize_by %}
    {%- if organize_by | lower not in ['row', 'column'] -%}
        {{ exceptions.raise_compiler_error("organize_by must be 'row' or 'column', got '" ~ organize_by ~ "'") }}
    {%- endif %}
organize by {{ organize_by | lower }}
{%- endif %}
{%- endmacro %}


{% materialization table, adapter='db2' %}
    {%- set identifier = model['alias'] -%}
    {%- set target_relation = api.Relation.create(
        identifier=identifier, schema=schema, database=database, type='table') -%}
    {%- set source_view = api.Relation.create(
        identifier=identifier ~ '__dbt_src', schema=schema, database=database, type='view') -%}
    {%- set old_relation = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
    {%- set old_source_view = adapter.get_relation(
        database=database, schema=schema, identifier=source_view.identifier) -%}
    {%- set distribution_keys = cafcass.db2_distribution_keys(config.get('distribute_by'), model) -%}

    {{ run_hooks(pre_hooks) }}

    {% if old_source_view is not none %}
        {% call statement('drop_leftover_source_view') -%}
            drop view {{ source_view }}
        {%- endcall %}
    {% endif %}

    {% call statement('create_source_view') -%}
        create view {{ source_view }} as
        {{ sql }}
    {%- endcall %}

    {% if old_relation is not none %}
        {{ adapter.drop_relation(old_relation) }}
    {% endif %}

    {% call statement('main') -%}
        {{ cafcass.db2_create_table_as(
            target_relation,
            'select * from ' ~ source_view,
            distribution_keys=distribution_keys,
            organize_by=config.get('organize_by'),
            table_space=config.get('table_space')) }}
    {%- endcall %}

    {% call statement('drop_source_view') -%}
        drop view {{ source_view }}
    {%- endcall %}

    {% do persist_docs(target_relation, model) %}
    {% do adapter.commit() %}

    {{ run_hooks(post_hooks) }}
    {% do adapter.commit() %}

    {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}


{#- The community adapter (dbt-ibmdb2, type ibmdb2) keeps its own table materialization, which calls
    this; it already embeds CTE SQL in CREATE TABLE ... AS (...) WITH DATA and supports organize_by and
    table_space, so only DISTRIBUTE BY is added here. -#}
{% macro ibmdb2__create_table_as(temporary, relation, sql) -%}
    {%- set sql_header = config.get('sql_header', none) -%}
    {{ sql_header if sql_header is not none }}
    {{ cafcass.db2_create_table_as(
        relation,
        sql,
        distribution_keys=cafcass.db2_distribution_keys(config.get('distribute_by'), model),
        organize_by=config.get('organize_by'),
        table_space=config.get('table_space')) }}
{%- endmacro %}
