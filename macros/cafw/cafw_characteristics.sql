{#- A CAFW characteristic label, with 'Not stated' and the like (the source saying unknown) as 'Unknown' (mart
    contract: 'Unknown'; NULL = nothing recorded). Portable SQL. -#}
{% macro unknown_if_not_stated(label_expr) -%}
    case
        when upper({{ label_expr }}) in ('NOT STATED', 'NOT KNOWN', 'UNKNOWN', 'REFUSED') then 'Unknown'
        else {{ label_expr }}
    end
{%- endmacro %}


{#- CAFW has_disability from its text label: Yes / No, any other label Unknown, NULL when nothing recorded. -#}
{% macro has_disability_from_text(label_expr) -%}
    case
        when upper({{ label_expr }}) in ('YES', 'Y') then 'Yes'
        when upper({{ label_expr }}) in ('NO', 'N') then 'No'
        when {{ label_expr }} is not null then 'Unknown'
    end
{%- endmacro %}
