{#- How data tests run on DB2 (SAIL). dbt's default wraps every test query as
        select count(*) as failures, count(*) != 0 as should_warn, ... from ( <test SQL> ) dbt_internal_test
    which DB2 rejects for any test written with CTEs (accepted_values, relationships, most singular
    tests): a WITH clause may only start a statement, not a subquery (DB2 11.5.2+ relaxes this only
    inside other CTEs, for Netezza compatibility). It also selects boolean expressions, which need
    DB2 11.1.1.1 or later. This version hoists the test's own CTEs to the top of the statement and
    returns 0/1 flags (dbt reads 0/1 as false/true):
        with <test CTEs>
        , dbt_internal_test as ( <the test's final select> [fetch first n rows only] )
        select count(*) as failures, case when count(*) != 0 then 1 else 0 end as should_warn, ...
        from dbt_internal_test
    ibm-dbt-db2 1.0.0 and dbt-ibmdb2 1.8.0 both keep dbt's default, hence db2__ and ibmdb2__ here. -#}

{% macro db2__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {%- set parts = cafcass.db2_split_leading_ctes(main_sql) -%}
with {% if parts[0] %}{{ parts[0] }}
, {% endif %}dbt_internal_test as (
{{ parts[1] }}
{%- if limit is not none %}
fetch first {{ limit }} rows only
{%- endif %}
)
select
    {{ fail_calc }} as failures,
    case when {{ fail_calc }} {{ warn_if }} then 1 else 0 end as should_warn,
    case when {{ fail_calc }} {{ error_if }} then 1 else 0 end as should_error
from dbt_internal_test
{%- endmacro %}

{% macro ibmdb2__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
    {{ cafcass.db2__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}


{#- [CTE list, final statement] of a SQL text: when it starts with WITH (after blanks and comments),
    the text between WITH and the first SELECT outside parentheses, and the rest from that SELECT on;
    otherwise ['', the whole text]. String literals, quoted names and comments are skipped. -#}
{% macro db2_split_leading_ctes(sql) -%}
    {%- set token = "'(?:[^']|'')*'|\"[^\"]*\"|--[^\\n]*|/\\*(?:.|\\n)*?\\*/|[()]|[A-Za-z_][A-Za-z0-9_$#@]*|\\s+|." -%}
    {%- set state = namespace(depth=0, with_end=-1, select_at=-1, started=false) -%}
    {%- for m in modules.re.finditer(token, sql, modules.re.DOTALL) -%}
        {%- set text = m.group(0) -%}
        {%- set word = text | lower -%}
        {%- if state.select_at >= 0 -%}
            {#- done: nothing left to find -#}
        {%- elif not state.started -%}
            {%- if text.strip() == '' or text.startswith('--') or text.startswith('/*') -%}
            {%- elif word == 'with' -%}
                {%- set state.started = true -%}
                {%- set state.with_end = m.end() -%}
            {%- else -%}
                {%- set state.started = true -%}
                {%- set state.select_at = -2 -%}
            {%- endif -%}
        {%- elif text == '(' -%}
            {%- set state.depth = state.depth + 1 -%}
        {%- elif text == ')' -%}
            {%- set state.depth = state.depth - 1 -%}
        {%- elif state.depth == 0 and word == 'select' -%}
            {%- set state.select_at = m.start() -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if state.with_end >= 0 and state.select_at >= 0 -%}
        {{ return([sql[state.with_end:state.select_at].strip(), sql[state.select_at:]]) }}
    {%- else -%}
        {{ return(['', sql]) }}
    {%- endif -%}
{%- endmacro %}
