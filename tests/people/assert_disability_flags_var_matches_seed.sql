-- The var disability_flags fixes the disability_<flag> columns of int_ecms__person_characteristics at
-- compile time; the seed disability_type_flags maps lookup types to those flags. Fails (one row per
-- problem) when a flag is in the var but in no seed row, when a seed flag is missing from the var, or
-- when the var lists a flag twice. DB2 needs a FROM for every SELECT, so each var entry is selected from
-- a one-row aggregate over the seed (an aggregate without GROUP BY always returns one row).

with

seed_flags as (

    select distinct flag_name
    from {{ ref('disability_type_flags') }}
    where flag_name is not null

),

one_row as (

    select count(*) as n_seed_rows
    from {{ ref('disability_type_flags') }}

),

var_flags as (

    {% for flag in var('disability_flags') %}
        {% if not loop.first %}union all{% endif %}
        select cast('{{ flag }}' as varchar(40)) as flag_name from one_row
    {% endfor %}

),

only_in_var as (

    select
        var_flags.flag_name,
        cast('in var disability_flags, in no disability_type_flags row' as varchar(60)) as problem
    from var_flags
    left join seed_flags
        on var_flags.flag_name = seed_flags.flag_name
    where seed_flags.flag_name is null

),

only_in_seed as (

    select
        seed_flags.flag_name,
        cast('in disability_type_flags, not in var disability_flags' as varchar(60)) as problem
    from seed_flags
    left join var_flags
        on seed_flags.flag_name = var_flags.flag_name
    where var_flags.flag_name is null

),

repeated_in_var as (

    select
        flag_name,
        cast('listed more than once in var disability_flags' as varchar(60)) as problem
    from var_flags
    group by flag_name
    having count(*) > 1

)

select * from only_in_var
union all
select * from only_in_seed
union all
select * from repeated_in_var
