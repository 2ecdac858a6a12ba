{#- Trimmed text with empty strings as NULL, cast to a fixed-length VARCHAR (DB2 needs the length). -#}
{% macro clean_text(expr, length=255) -%}
    cast(nullif(trim({{ expr }}), '') as varchar({{ length }}))
{%- endmacro %}
