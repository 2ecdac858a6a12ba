case
    when regexp_matches(trim(cast(t.date_text as varchar(40))), '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T-].*)?$')
        then try_cast(substr(trim(cast(t.date_text as varchar(40))), 1, 10) as date)
end as safe_cast_date_result
