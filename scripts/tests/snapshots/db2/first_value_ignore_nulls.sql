first_value(t.code_text, 'IGNORE NULLS') over (
    partition by t.person_id
    order by t.start_date desc
    rows between unbounded preceding and unbounded following
) as first_value_result
