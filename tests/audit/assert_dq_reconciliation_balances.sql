-- Rows in = the sum over reasons, for every raw table dq_reconciliation accounts for (macro
-- dq_reconciled_tables): each source table is counted directly here, independently of the mart. Returns every
-- table whose direct count differs from the mart's sum or from its n_rows_in_table, or that the mart lacks
-- (an empty table legitimately has no rows in the mart and passes).

with

raw_counts as (

    {% for pair in dq_reconciled_tables() %}
        select
            cast('{{ pair[0] }}' as varchar(20)) as source_name,
            cast('{{ pair[1] }}' as varchar(40)) as table_name,
            count(*) as n_rows_in
        from {{ source(pair[0], pair[1]) }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

reconciled as (

    select
        source_name,
        table_name,
        sum(n_rows) as n_rows_reconciled,
        min(n_rows_in_table) as min_rows_in_table,
        max(n_rows_in_table) as max_rows_in_table
    from {{ ref('dq_reconciliation') }}
    group by
        source_name,
        table_name

)

select
    raw_counts.n_rows_in,
    reconciled.n_rows_reconciled,
    reconciled.min_rows_in_table,
    reconciled.max_rows_in_table,
    coalesce(raw_counts.source_name, reconciled.source_name) as source_name,
    coalesce(raw_counts.table_name, reconciled.table_name) as table_name
from raw_counts
full outer join reconciled
    on
        raw_counts.source_name = reconciled.source_name
        and raw_counts.table_name = reconciled.table_name
where
    raw_counts.source_name is null
    or (reconciled.source_name is null and raw_counts.n_rows_in > 0)
    or raw_counts.n_rows_in <> reconciled.n_rows_reconciled
    or raw_counts.n_rows_in <> reconciled.min_rows_in_table
    or raw_counts.n_rows_in <> reconciled.max_rows_in_table
