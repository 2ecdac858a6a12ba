case
    when regexp_like(trim(cast(t.date_text as varchar(40))), '^[12][0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([ T-].*)?$')
        then case
            when cast(substr(trim(cast(t.date_text as varchar(40))), 9, 2) as integer)
                <= day(last_day(date(substr(trim(cast(t.date_text as varchar(40))), 1, 8) || '01')))
                then date(substr(trim(cast(t.date_text as varchar(40))), 1, 10))
        end
end as safe_cast_date_result
