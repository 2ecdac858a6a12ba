cast(add_days(t.start_date, 7) as date) as add_days_result
