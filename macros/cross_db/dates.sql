{#- Date arithmetic. Never subtract dates directly: on DB2 date - date is a yyyymmdd duration, not days.
    Every macro returns the same type on DuckDB and DB2 (date, or integer for counts). -#}

{#- date_expr plus n_days days (n_days may be negative), as a date. -#}
{% macro add_days(date_expr, n_days) -%}
    {{ return(adapter.dispatch('add_days', 'cafcass')(date_expr, n_days)) }}
{%- endmacro %}

{% macro default__add_days(date_expr, n_days) -%}
    cast({{ date_expr }} + cast({{ n_days }} as integer) as date)
{%- endmacro %}

{% macro db2__add_days(date_expr, n_days) -%}
    cast(add_days({{ date_expr }}, {{ n_days }}) as date)
{%- endmacro %}

{% macro ibmdb2__add_days(date_expr, n_days) -%}
    {{ cafcass.db2__add_days(date_expr, n_days) }}
{%- endmacro %}


{#- date_expr plus n_months calendar months, as a date. Both engines clamp to the last day of a shorter
    month: 31 January + 1 month = 28 (or 29) February. -#}
{% macro add_months(date_expr, n_months) -%}
    {{ return(adapter.dispatch('add_months', 'cafcass')(date_expr, n_months)) }}
{%- endmacro %}

{% macro default__add_months(date_expr, n_months) -%}
    cast({{ date_expr }} + to_months(cast({{ n_months }} as integer)) as date)
{%- endmacro %}

{% macro db2__add_months(date_expr, n_months) -%}
    cast(add_months({{ date_expr }}, {{ n_months }}) as date)
{%- endmacro %}

{% macro ibmdb2__add_months(date_expr, n_months) -%}
    {{ cafcass.db2__add_months(date_expr, n_months) }}
{%- endmacro %}


{#- The first day of the month of date_expr, as a date. -#}
{% macro month_start(date_expr) -%}
    {{ return(adapter.dispatch('month_start', 'cafcass')(date_expr)) }}
{%- endmacro %}

{% macro default__month_start(date_expr) -%}
    cast(date_trunc('month', {{ date_expr }}) as date)
{%- endmacro %}

{% macro db2__month_start(date_expr) -%}
    cast(add_days({{ date_expr }}, 1 - day({{ date_expr }})) as date)
{%- endmacro %}

{% macro ibmdb2__month_start(date_expr) -%}
    {{ cafcass.db2__month_start(date_expr) }}
{%- endmacro %}


{#- Whole days from start_date to end_date (negative when end is earlier), as an integer. -#}
{% macro days_between(start_date, end_date) -%}
    {{ return(adapter.dispatch('days_between', 'cafcass')(start_date, end_date)) }}
{%- endmacro %}

{% macro default__days_between(start_date, end_date) -%}
    cast(date_diff('day', {{ start_date }}, {{ end_date }}) as integer)
{%- endmacro %}

{% macro db2__days_between(start_date, end_date) -%}
    (days({{ end_date }}) - days({{ start_date }}))
{%- endmacro %}

{% macro ibmdb2__days_between(start_date, end_date) -%}
    {{ cafcass.db2__days_between(start_date, end_date) }}
{%- endmacro %}


{#- Completed years from birth_date to ref_date, birthday-aware: the year counts only once the
    month-day of ref_date reaches that of birth_date. A 29 February birthday is therefore reached
    on 1 March in other years. NULL when ref_date is before birth_date (not yet born). Integer. -#}
{% macro age_in_years(birth_date, ref_date) -%}
    {{ return(adapter.dispatch('age_in_years', 'cafcass')(birth_date, ref_date)) }}
{%- endmacro %}

{% macro default__age_in_years(birth_date, ref_date) -%}
    case
        when {{ ref_date }} >= {{ birth_date }}
            then cast(
                extract(year from {{ ref_date }}) - extract(year from {{ birth_date }})
                - case
                    when extract(month from {{ ref_date }}) * 100 + extract(day from {{ ref_date }})
                        < extract(month from {{ birth_date }}) * 100 + extract(day from {{ birth_date }})
                        then 1
                    else 0
                end
                as integer
            )
    end
{%- endmacro %}

{% macro db2__age_in_years(birth_date, ref_date) -%}
    case
        when {{ ref_date }} >= {{ birth_date }}
            then cast(
                year({{ ref_date }}) - year({{ birth_date }})
                - case
                    when month({{ ref_date }}) * 100 + day({{ ref_date }})
                        < month({{ birth_date }}) * 100 + day({{ birth_date }})
                        then 1
                    else 0
                end
                as integer
            )
    end
{%- endmacro %}

{% macro ibmdb2__age_in_years(birth_date, ref_date) -%}
    {{ cafcass.db2__age_in_years(birth_date, ref_date) }}
{%- endmacro %}
