{#- A SAIL text flag ('true'/'false', in any case or padding, or '1'/'0') as smallint 0/1.
    Anything else, including NULL and '', is NULL: not recorded. Portable SQL, no dispatch needed. -#}
{% macro text_flag(expr) -%}
    cast(
        case
            when lower(trim({{ expr }})) in ('true', 't', 'yes', 'y', '1') then 1
            when lower(trim({{ expr }})) in ('false', 'f', 'no', 'n', '0') then 0
        end
        as smallint
    )
{%- endmacro %}
