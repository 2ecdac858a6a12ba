{#- Generic test on a model: no two rows share the listed columns (a composite key). Groups on the columns
    themselves, NULLs included as values (two rows with the same NULL part are the same key), instead of
    `unique` on a concatenated string, which built a string per row on millions of rows. Returns each
    repeated combination and how many rows hold it. -#}
{% test unique_combination(model, columns) %}

select
    {%- for column in columns %}
    {{ column }},
    {%- endfor %}
    count(*) as n_rows
from {{ model }}
group by
    {%- for column in columns %}
    {{ column }}{% if not loop.last %},{% endif %}
    {%- endfor %}
having count(*) > 1

{% endtest %}
