{#- Small-number suppression for every aggregate meant to leave the secure environment (analyses, reports,
    linkage rates): SAIL's disclosure control withholds counts below a threshold. One place for the rule:
    var `small_number_threshold` (default 10). A count of 0 is not disclosive and is shown; 1 to
    threshold - 1 becomes NULL. Portable SQL (a CASE), so no dispatch is needed. -#}
{% macro suppress_small_number(count_expr) -%}
    case
        when {{ count_expr }} > 0 and {{ count_expr }} < {{ var('small_number_threshold', 10) }} then null
        else {{ count_expr }}
    end
{%- endmacro %}

{#- 1 when the count is suppressed by suppress_small_number, else 0 (smallint). -#}
{% macro is_small_number_suppressed(count_expr) -%}
    cast(
        case
            when {{ count_expr }} > 0 and {{ count_expr }} < {{ var('small_number_threshold', 10) }} then 1
            else 0
        end
        as smallint
    )
{%- endmacro %}
