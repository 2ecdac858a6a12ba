{#- Generic test: the list var `var_name` (which fixes columns at compile time, e.g. one flag column per
    entry) holds exactly the distinct non-NULL values of `column_name`, each once. Returns one row per
    problem: a var entry missing from the column, a column value missing from the var, or a repeated var
    entry. DB2 needs a FROM for every SELECT, so each var entry is selected from a one-row aggregate over
    the model (an aggregate without GROUP BY always returns one row). -#}
{% test var_list_matches_column(model, column_name, var_name) %}

with

column_values as (

    select distinct cast({{ column_name }} as varchar(60)) as listed_value
    from {{ model }}
    where {{ column_name }} is not null

),

one_row as (

    select count(*) as n_rows
    from {{ model }}

),

var_values as (

    {% for entry in var(var_name) %}
        {% if not loop.first %}union all{% endif %}
        select cast('{{ entry }}' as varchar(60)) as listed_value from one_row
    {% endfor %}

),

only_in_var as (

    select
        var_values.listed_value,
        cast('in var {{ var_name }}, not in {{ column_name }}' as varchar(100)) as problem
    from var_values
    left join column_values
        on var_values.listed_value = column_values.listed_value
    where column_values.listed_value is null

),

only_in_column as (

    select
        column_values.listed_value,
        cast('in {{ column_name }}, not in var {{ var_name }}' as varchar(100)) as problem
    from column_values
    left join var_values
        on column_values.listed_value = var_values.listed_value
    where var_values.listed_value is null

),

repeated_in_var as (

    select
        listed_value,
        cast('listed more than once in var {{ var_name }}' as varchar(100)) as problem
    from var_values
    group by listed_value
    having count(*) > 1

)

select * from only_in_var
union all
select * from only_in_column
union all
select * from repeated_in_var

{% endtest %}
