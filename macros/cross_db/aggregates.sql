{#- String aggregation: the values of `expr` in one string, separated by `delimiter` (SQL text, e.g.
    "', '"), in the order of `order_by` (SQL text; required so both engines give the same string).
    distinct=true drops repeated values (DB2 11.1+). NULLs are skipped by both engines.
    DB2's LISTAGG result is VARCHAR of at most 32,672 bytes (an error beyond that); keep groups small. -#}
{% macro string_agg(expr, delimiter, order_by, distinct=false) -%}
    {{ return(adapter.dispatch('string_agg', 'cafcass')(expr, delimiter, order_by, distinct)) }}
{%- endmacro %}

{% macro default__string_agg(expr, delimiter, order_by, distinct) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expr }}, {{ delimiter }} order by {{ order_by }})
{%- endmacro %}

{% macro db2__string_agg(expr, delimiter, order_by, distinct) -%}
    listagg({{ 'distinct ' if distinct }}{{ expr }}, {{ delimiter }}) within group (order by {{ order_by }})
{%- endmacro %}

{% macro ibmdb2__string_agg(expr, delimiter, order_by, distinct) -%}
    {{ cafcass.db2__string_agg(expr, delimiter, order_by, distinct) }}
{%- endmacro %}


{#- The first non-NULL value of `expr` in the window that follows (the caller writes `over (...)` with a
    full ordering and, to see the whole partition, `rows between unbounded preceding and unbounded
    following`). Lets several "pick one" values share one window sort instead of one ranked CTE each.
    DuckDB: first_value(x ignore nulls); DB2 LUW: first_value(x, 'IGNORE NULLS'). -#}
{% macro first_value_ignore_nulls(expr) -%}
    {{ return(adapter.dispatch('first_value_ignore_nulls', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__first_value_ignore_nulls(expr) -%}
    first_value({{ expr }} ignore nulls)
{%- endmacro %}

{% macro db2__first_value_ignore_nulls(expr) -%}
    first_value({{ expr }}, 'IGNORE NULLS')
{%- endmacro %}

{% macro ibmdb2__first_value_ignore_nulls(expr) -%}
    {{ cafcass.db2__first_value_ignore_nulls(expr) }}
{%- endmacro %}
