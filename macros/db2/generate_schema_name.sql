{#- On DB2 (SAIL) every model goes to the target schema, SAILW<project>V: it is the only schema a SAIL
    project may write, so a custom `schema` config (which dbt would turn into SAILW<project>V_<custom>)
    is ignored there. Other targets keep dbt's default behaviour (<target schema>_<custom schema>). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if target.type in ['db2', 'ibmdb2'] -%}
        {{ target.schema | trim }}
    {%- else -%}
        {{ default__generate_schema_name(custom_schema_name, node) }}
    {%- endif -%}
{%- endmacro %}
