{#- Generic test on a model: none of the listed columns is NULL, in one scan of the model (instead of one
    not_null test, and one scan and one dbt node, per column: at national scale the per-node cost of
    ~250 such tests was several seconds of every build). Keys keep their own unique + not_null tests.
    Returns one row per offending row: the name of its first NULL column, and the listed columns. -#}
{% test columns_are_not_null(model, columns) %}

select
    case
        {%- for column in columns %}
        when {{ column }} is null then '{{ column }}'
        {%- endfor %}
    end as first_null_column,
    {%- for column in columns %}
    {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
from {{ model }}
where
    {%- for column in columns %}
    {% if not loop.first %}or {% endif %}{{ column }} is null
    {%- endfor %}

{% endtest %}
