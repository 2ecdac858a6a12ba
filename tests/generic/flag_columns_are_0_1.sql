{#- Generic test on a model: every listed flag column holds 0 or 1, in one scan of the model (instead of
    one accepted_values test, and one scan, per column). Columns in `nullable` may also be NULL (a flag
    that can be "not recorded"); the others must not be. Returns the offending rows' values. -#}
{% test flag_columns_are_0_1(model, columns, nullable=[]) %}

select
    {%- for column in columns %}
    {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from {{ model }}
where
    {%- for column in columns %}
    {% if not loop.first %}or {% endif -%}
    {%- if column in nullable -%}
        ({{ column }} is not null and {{ column }} not in (0, 1))
    {%- else -%}
        ({{ column }} is null or {{ column }} not in (0, 1))
    {%- endif %}
    {%- endfor %}

{% endtest %}
