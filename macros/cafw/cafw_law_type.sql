{#- CAFW law type from its text label ('Public', 'Private', in any case or padding, or a longer label such as
    'Public Law'): Public / Private, anything else (including NULL) Unknown. Portable SQL. -#}
{% macro cafw_law_type(label_expr) -%}
    cast(
        case
            when upper(trim({{ label_expr }})) like 'PUBLIC%' then 'Public'
            when upper(trim({{ label_expr }})) like 'PRIVATE%' then 'Private'
            else 'Unknown'
        end as varchar(7)
    )
{%- endmacro %}
