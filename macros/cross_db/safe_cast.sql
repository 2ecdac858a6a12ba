{#- Safe casts: text that does not hold a valid value becomes NULL instead of failing the build.
    DuckDB has TRY_CAST; DB2 has none, so its versions test the text first. -#}

{% macro safe_cast_bigint(expr) -%}
    {{ return(adapter.dispatch('safe_cast_bigint', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__safe_cast_bigint(expr) -%}
    try_cast(trim(cast({{ expr }} as varchar(40))) as bigint)
{%- endmacro %}

{% macro db2__safe_cast_bigint(expr) -%}
    case
        when regexp_like(trim(cast({{ expr }} as varchar(40))), '^[+-]?[0-9]{1,18}$')
            then cast(trim(cast({{ expr }} as varchar(40))) as bigint)
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_bigint(expr) -%}
    {{ cafcass.db2__safe_cast_bigint(expr) }}
{%- endmacro %}


{% macro safe_cast_integer(expr) -%}
    {{ return(adapter.dispatch('safe_cast_integer', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__safe_cast_integer(expr) -%}
    try_cast(trim(cast({{ expr }} as varchar(40))) as integer)
{%- endmacro %}

{% macro db2__safe_cast_integer(expr) -%}
    case
        when regexp_like(trim(cast({{ expr }} as varchar(40))), '^[+-]?[0-9]{1,9}$')
            then cast(trim(cast({{ expr }} as varchar(40))) as integer)
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_integer(expr) -%}
    {{ cafcass.db2__safe_cast_integer(expr) }}
{%- endmacro %}


{% macro safe_cast_date(expr) -%}
    {{ return(adapter.dispatch('safe_cast_date', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__safe_cast_date(expr) -%}
    try_cast({{ expr }} as date)
{%- endmacro %}

{% macro db2__safe_cast_date(expr) -%}
    case
        when regexp_like(trim(cast({{ expr }} as varchar(40))), '^[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then date(substr(trim(cast({{ expr }} as varchar(40))), 1, 10))
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_date(expr) -%}
    {{ cafcass.db2__safe_cast_date(expr) }}
{%- endmacro %}
