cast(t.start_date + cast(7 as integer) as date) as add_days_result
