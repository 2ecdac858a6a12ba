{#- A text key made of a fixed prefix and a numeric or text id, e.g. prefixed_key('ECMS-', 'person_id')
    gives 'ECMS-123'. NULL when the id is NULL. Portable SQL (|| with a two-sided cast), no dispatch needed:
    DB2 needs the varchar lengths, and CONCAT there takes exactly two arguments, so || is used. -#}
{% macro prefixed_key(prefix, expr, id_length=20) -%}
    {%- set total = (prefix | length) + id_length -%}
    cast('{{ prefix | replace("'", "''") }}' || cast({{ expr }} as varchar({{ id_length }})) as varchar({{ total }}))
{%- endmacro %}
