-- Every cross-database macro rendered once, for the golden-file tests in scripts/tests/test_db2_snapshots.py
-- (DB2: compiled for db2_offline by scripts/db2_check.py; DuckDB: compiled for the local target).
-- Each `-- snapshot: <name>` comment starts one rendering. Never run: the columns are placeholders.
-- Add a snapshot here for every new macro in macros/cross_db/ (a test checks that every dispatch macro has one).
select
    -- snapshot: add_days
    {{ add_days('t.start_date', 7) }} as add_days_result,
    -- snapshot: add_months
    {{ add_months('t.start_date', 'n_months') }} as add_months_result,
    -- snapshot: month_start
    {{ month_start('t.start_date') }} as month_start_result,
    -- snapshot: days_between
    {{ days_between('t.start_date', 't.end_date') }} as days_between_result,
    -- snapshot: age_in_years
    {{ age_in_years('t.birth_date', 't.ref_date') }} as age_in_years_result,
    -- snapshot: safe_cast_bigint
    {{ safe_cast_bigint('t.id_text') }} as safe_cast_bigint_result,
    -- snapshot: safe_cast_integer
    {{ safe_cast_integer('t.code_text') }} as safe_cast_integer_result,
    -- snapshot: safe_cast_decimal
    {{ safe_cast_decimal('t.score_text', 7, 6) }} as safe_cast_decimal_result,
    -- snapshot: safe_cast_date
    {{ safe_cast_date('t.date_text') }} as safe_cast_date_result,
    -- snapshot: string_agg
    {{ string_agg('t.code_text', "', '", 't.code_text') }} as string_agg_result,
    -- snapshot: string_agg_distinct
    {{ string_agg('t.code_text', "'|'", 't.code_text', distinct=true) }} as string_agg_distinct_result,
    -- snapshot: first_value_ignore_nulls
    {{ first_value_ignore_nulls('t.code_text') }} over (
        partition by t.person_id
        order by t.start_date desc
        rows between unbounded preceding and unbounded following
    ) as first_value_result,
    -- snapshot: greatest_ignore_nulls
    {{ greatest_ignore_nulls('t.start_date', 't.end_date', 't.ref_date') }} as greatest_result,
    -- snapshot: least_ignore_nulls
    {{ least_ignore_nulls(['t.start_date', 't.end_date']) }} as least_result,
    -- snapshot: clean_text
    {{ clean_text('t.name', 100) }} as clean_text_result,
    -- snapshot: text_flag
    {{ text_flag('t.flag_text') }} as text_flag_result,
    -- snapshot: prefixed_key
    {{ prefixed_key('ECMS-', 't.person_id') }} as prefixed_key_result
    -- snapshot: db2_create_table_as
/*
{{ cafcass.db2_create_table_as(
    'SAILW1661V.children',
    'select * from SAILW1661V.children__dbt_src',
    distribution_keys=cafcass.db2_distribution_keys('auto', {'columns': {'name': {}, 'person_id': {}}}),
    organize_by='row') }}
*/
-- snapshot: preflight_catalog_columns_sql
/*
    {{ cafcass.preflight_catalog_columns_sql('raw', ['SAIL1661V', 'SAILCAFEREFV']) }}
*/
from snapshot_inputs as t
