{#- Safe casts: text that does not hold a valid value becomes NULL instead of failing the build.
    DB2 has no TRY_CAST, so every version tests the trimmed text against the same regular expression
    first; DuckDB uses the same test (its TRY_CAST alone would also accept '1.0', '1e3', '0x10', '1_000'
    or '2024-1-5'), so both engines turn exactly the same strings into values.
    Input of any type is first cast to varchar(40); DB2's REGEXP_LIKE needs DB2 11.1 or later. -#}

{#- The text, trimmed, as varchar(40). -#}
{% macro safe_cast_text(expr) -%}
    trim(cast({{ expr }} as varchar(40)))
{%- endmacro %}


{#- Digits with an optional sign, at most 18 of them (so never out of range). -#}
{% macro safe_cast_bigint(expr) -%}
    {{ return(adapter.dispatch('safe_cast_bigint', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__safe_cast_bigint(expr) -%}
    case
        when regexp_matches({{ cafcass.safe_cast_text(expr) }}, '^[+-]?[0-9]{1,18}$')
            then cast({{ cafcass.safe_cast_text(expr) }} as bigint)
    end
{%- endmacro %}

{% macro db2__safe_cast_bigint(expr) -%}
    case
        when regexp_like({{ cafcass.safe_cast_text(expr) }}, '^[+-]?[0-9]{1,18}$')
            then cast({{ cafcass.safe_cast_text(expr) }} as bigint)
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_bigint(expr) -%}
    {{ cafcass.db2__safe_cast_bigint(expr) }}
{%- endmacro %}


{#- Digits with an optional sign, at most 9 of them. -#}
{% macro safe_cast_integer(expr) -%}
    {{ return(adapter.dispatch('safe_cast_integer', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro default__safe_cast_integer(expr) -%}
    case
        when regexp_matches({{ cafcass.safe_cast_text(expr) }}, '^[+-]?[0-9]{1,9}$')
            then cast({{ cafcass.safe_cast_text(expr) }} as integer)
    end
{%- endmacro %}

{% macro db2__safe_cast_integer(expr) -%}
    case
        when regexp_like({{ cafcass.safe_cast_text(expr) }}, '^[+-]?[0-9]{1,9}$')
            then cast({{ cafcass.safe_cast_text(expr) }} as integer)
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_integer(expr) -%}
    {{ cafcass.db2__safe_cast_integer(expr) }}
{%- endmacro %}


{#- A plain decimal number (optional sign, digits, optional fraction) as decimal(precision, scale).
    The integer part may have at most precision - scale digits; extra fraction digits are cut off
    (DuckDB would round them), so the regular expression refuses them: at most `scale` of them. -#}
{% macro safe_cast_decimal(expr, precision=18, scale=6) -%}
    {{ return(adapter.dispatch('safe_cast_decimal', 'cafcass')(expr, precision, scale)) }}
{%- endmacro %}

{% macro safe_cast_decimal_pattern(precision, scale) -%}
    {%- set int_digits = precision - scale -%}
    {%- if scale > 0 -%}
        '^[+-]?([0-9]{1,{{ int_digits }}}(\.[0-9]{0,{{ scale }}})?|\.[0-9]{1,{{ scale }}})$'
    {%- else -%}
        '^[+-]?[0-9]{1,{{ int_digits }}}$'
    {%- endif -%}
{%- endmacro %}

{% macro default__safe_cast_decimal(expr, precision, scale) -%}
    case
        when regexp_matches({{ cafcass.safe_cast_text(expr) }}, {{ cafcass.safe_cast_decimal_pattern(precision, scale) }})
            then cast({{ cafcass.safe_cast_text(expr) }} as decimal({{ precision }}, {{ scale }}))
    end
{%- endmacro %}

{% macro db2__safe_cast_decimal(expr, precision, scale) -%}
    case
        when regexp_like({{ cafcass.safe_cast_text(expr) }}, {{ cafcass.safe_cast_decimal_pattern(precision, scale) }})
            then cast({{ cafcass.safe_cast_text(expr) }} as decimal({{ precision }}, {{ scale }}))
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_decimal(expr, precision, scale) -%}
    {{ cafcass.db2__safe_cast_decimal(expr, precision, scale) }}
{%- endmacro %}


{#- An ISO date 'YYYY-MM-DD' (years 1000-2999), optionally followed by a time part that is ignored
    ('2024-01-11 10:00:00', DB2's '2024-01-11-10.00.00.000000'). Impossible days such as
    '2024-02-30' give NULL on both engines: DB2 checks the day against the month's last day. -#}
{% macro safe_cast_date(expr) -%}
    {{ return(adapter.dispatch('safe_cast_date', 'cafcass')(expr)) }}
{%- endmacro %}

{% macro safe_cast_date_pattern() -%}
    '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T-].*)?$'
{%- endmacro %}

{% macro default__safe_cast_date(expr) -%}
    case
        when regexp_matches({{ cafcass.safe_cast_text(expr) }}, {{ cafcass.safe_cast_date_pattern() }})
            then try_cast(substr({{ cafcass.safe_cast_text(expr) }}, 1, 10) as date)
    end
{%- endmacro %}

{% macro db2__safe_cast_date(expr) -%}
    case
        when regexp_like({{ cafcass.safe_cast_text(expr) }}, {{ cafcass.safe_cast_date_pattern() }})
            then case
                when cast(substr({{ cafcass.safe_cast_text(expr) }}, 9, 2) as integer)
                    <= day(last_day(date(substr({{ cafcass.safe_cast_text(expr) }}, 1, 8) || '01')))
                    then date(substr({{ cafcass.safe_cast_text(expr) }}, 1, 10))
            end
    end
{%- endmacro %}

{% macro ibmdb2__safe_cast_date(expr) -%}
    {{ cafcass.db2__safe_cast_date(expr) }}
{%- endmacro %}
