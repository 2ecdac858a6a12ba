{#- Century repair of a week-of-birth date (seed-pipeline §2.3 step 8, fixed: seed-pipeline §5.9).
    Years typed with a wrong century (e.g. 18xx for 19xx, 22xx for 20xx) are moved by whole centuries
    per var `dob_century_repairs` ({old century: new century}); other years are left alone.
    add_months keeps the day and month, and a 29 February moved into a common year becomes 28 February,
    where the Stata code produced an empty date. Portable: year(), case and the add_months dispatch macro. -#}

{% macro repaired_century_shift_years(date_expr) -%}
    case
        {%- for old_century, new_century in var('dob_century_repairs').items() | sort %}
        when floor(year({{ date_expr }}) / 100) = {{ old_century | int }}
            then {{ (new_century | int - old_century | int) * 100 }}
        {%- endfor %}
        else 0
    end
{%- endmacro %}

{#- The repaired date of birth. -#}
{% macro repair_week_of_birth(date_expr) -%}
    {{ add_months(date_expr, '12 * (' ~ repaired_century_shift_years(date_expr) ~ ')') }}
{%- endmacro %}

{#- 1 when repair_week_of_birth changed the date, 0 when not, NULL when there is no date. -#}
{% macro is_week_of_birth_repaired(date_expr) -%}
    cast(
        case
            when {{ date_expr }} is null then null
            when {{ repaired_century_shift_years(date_expr) }} <> 0 then 1
            else 0
        end
        as smallint
    )
{%- endmacro %}
