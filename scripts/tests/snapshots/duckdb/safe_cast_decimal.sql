case
    when regexp_matches(trim(cast(t.score_text as varchar(40))), '^[+-]?([0-9]{1,1}(\.[0-9]{0,6})?|\.[0-9]{1,6})$')
        then cast(trim(cast(t.score_text as varchar(40))) as decimal(7, 6))
end as safe_cast_decimal_result
